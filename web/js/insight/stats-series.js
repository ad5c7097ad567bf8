/**
 * getStats() samples (W3C webrtc-stats, as kept in a trace: {at, report: {[id]: stats}}) turned into
 * per-second series for charts, and the candidate pairs and DTLS transport of one report. Works with the
 * report shapes of Chromium and Firefox: fields a browser leaves out give null, not an error.
 * Pure: plain objects in and out.
 */

/** What a view says of a value the browser's getStats() leaves out (browsers differ in what they report). */
export const NOT_REPORTED = 'not reported by this browser';

/** The series toSeries makes, in the order a view would chart them. */
export const SERIES = Object.freeze([
  {key: 'audioBitrateIn', label: 'audio received', unit: 'bit/s'},
  {key: 'audioBitrateOut', label: 'audio sent', unit: 'bit/s'},
  {key: 'videoBitrateIn', label: 'video received', unit: 'bit/s'},
  {key: 'videoBitrateOut', label: 'video sent', unit: 'bit/s'},
  {key: 'rtt', label: 'round-trip time', unit: 'ms'},
  {key: 'packetsLostIn', label: 'packets lost (received streams)', unit: 'packets/s'},
  {key: 'packetsLostOut', label: 'packets lost (sent streams, as the other side reports)', unit: 'packets/s'},
  {key: 'jitterIn', label: 'jitter (received streams)', unit: 'ms'},
  {key: 'fpsIn', label: 'frames per second received', unit: 'fps'},
  {key: 'fpsOut', label: 'frames per second sent', unit: 'fps'},
  {key: 'widthIn', label: 'width received', unit: 'px'},
  {key: 'heightIn', label: 'height received', unit: 'px'},
  {key: 'widthOut', label: 'width sent', unit: 'px'},
  {key: 'heightOut', label: 'height sent', unit: 'px'},
  {key: 'dataBytesIn', label: 'data channel bytes received', unit: 'B/s'},
  {key: 'dataBytesOut', label: 'data channel bytes sent', unit: 'B/s'},
  {key: 'dataBytesReceived', label: 'data channel bytes received in all', unit: 'B'},
  {key: 'dataBytesSent', label: 'data channel bytes sent in all', unit: 'B'},
]);

/**
 * One peer's samples as series: `at` holds each sample's time (ms since the trace's timeOrigin) and
 * every SERIES key an array of the same length. Rates come from the change since the sample before, so
 * the first sample's rates are null, as are those of a stream whose counter went back (a new stream
 * after renegotiation, or a reset).
 * @param {{at: number, report: Object<string, {type: string}>}[]} samples in time order
 * @return {{at: number[]} & Object<string, (number|null)[]>}
 */
export function toSeries(samples) {
  const series = {at: []};
  for (const {key} of SERIES) series[key] = [];
  let previous = null;
  for (const sample of samples ?? []) {
    const stats = Object.values(sample.report ?? {});
    const point = measure(stats, sample.at, previous);
    series.at.push(sample.at);
    for (const {key} of SERIES) series[key].push(point[key] ?? null);
    previous = {at: sample.at, byId: sample.report ?? {}};
  }
  return series;
}

function measure(stats, at, previous) {
  const ofType = (type, kind) => stats.filter((s) => s.type === type && (!kind || s.kind === kind));
  const rate = (list, field, scale = 1) => rateOf(list, field, at, previous, scale);
  const inVideo = ofType('inbound-rtp', 'video');
  const outVideo = largest(ofType('outbound-rtp', 'video'));
  const receivedVideo = largest(inVideo);
  const inbound = ofType('inbound-rtp');
  const channels = ofType('data-channel');
  return {
    audioBitrateIn: rate(ofType('inbound-rtp', 'audio'), 'bytesReceived', 8),
    audioBitrateOut: rate(ofType('outbound-rtp', 'audio'), 'bytesSent', 8),
    videoBitrateIn: rate(inVideo, 'bytesReceived', 8),
    videoBitrateOut: rate(ofType('outbound-rtp', 'video'), 'bytesSent', 8),
    rtt: roundTripMs(stats),
    packetsLostIn: rate(inbound, 'packetsLost'),
    packetsLostOut: rate(ofType('remote-inbound-rtp'), 'packetsLost'),
    jitterIn: maxOf(inbound.map((s) => (typeof s.jitter === 'number' ? s.jitter * 1000 : null))),
    fpsIn: receivedVideo?.framesPerSecond ?? rate(inVideo, 'framesDecoded'),
    fpsOut: outVideo?.framesPerSecond ?? rate(ofType('outbound-rtp', 'video'), 'framesEncoded'),
    widthIn: receivedVideo?.frameWidth ?? null,
    heightIn: receivedVideo?.frameHeight ?? null,
    widthOut: outVideo?.frameWidth ?? null,
    heightOut: outVideo?.frameHeight ?? null,
    dataBytesIn: rate(channels, 'bytesReceived'),
    dataBytesOut: rate(channels, 'bytesSent'),
    dataBytesReceived: sumOf(channels.map((s) => s.bytesReceived)),
    dataBytesSent: sumOf(channels.map((s) => s.bytesSent)),
  };
}

/**
 * What each series is read from: the stats that must be there (`type`, `kind`) and the fields of which one
 * must be; a browser that has the stats without any of the fields does not report the series.
 */
const SOURCES = {
  audioBitrateIn: ['inbound-rtp', 'audio', ['bytesReceived']],
  audioBitrateOut: ['outbound-rtp', 'audio', ['bytesSent']],
  videoBitrateIn: ['inbound-rtp', 'video', ['bytesReceived']],
  videoBitrateOut: ['outbound-rtp', 'video', ['bytesSent']],
  rtt: ['candidate-pair', null, ['currentRoundTripTime'], ['remote-inbound-rtp', 'roundTripTime']],
  packetsLostIn: ['inbound-rtp', null, ['packetsLost']],
  packetsLostOut: ['outbound-rtp', null, [], ['remote-inbound-rtp', 'packetsLost']],
  jitterIn: ['inbound-rtp', null, ['jitter']],
  fpsIn: ['inbound-rtp', 'video', ['framesPerSecond', 'framesDecoded']],
  fpsOut: ['outbound-rtp', 'video', ['framesPerSecond', 'framesEncoded']],
  widthIn: ['inbound-rtp', 'video', ['frameWidth']],
  heightIn: ['inbound-rtp', 'video', ['frameHeight']],
  widthOut: ['outbound-rtp', 'video', ['frameWidth']],
  heightOut: ['outbound-rtp', 'video', ['frameHeight']],
  dataBytesIn: ['data-channel', null, ['bytesReceived']],
  dataBytesOut: ['data-channel', null, ['bytesSent']],
  dataBytesReceived: ['data-channel', null, ['bytesReceived']],
  dataBytesSent: ['data-channel', null, ['bytesSent']],
};

/**
 * The series this browser does not report: its stats are in the samples, but never the field it is read
 * from (browsers differ in what they report), so a view can say "not reported by this browser" rather
 * than "none yet". A series whose stats never appeared (no video, no data channel) is not among them, nor
 * one whose stats appeared in fewer than three samples.
 * @param {{report: Object<string, {type: string}>}[]} samples
 * @return {Set<string>} SERIES keys
 */
export function unreportedSeries(samples) {
  const present = new Map(); // key: in how many samples its stats were
  const reported = new Set();
  for (const {report} of samples ?? []) {
    const stats = Object.values(report ?? {});
    for (const [key, [type, kind, fields, other]] of Object.entries(SOURCES)) {
      const matching = stats.filter((s) => s.type === type && (!kind || s.kind === kind));
      if (!matching.length) continue;
      present.set(key, (present.get(key) ?? 0) + 1);
      const inOther = other && stats.some((s) => s.type === other[0] && typeof s[other[1]] === 'number');
      if (inOther || matching.some((s) => fields.some((field) => typeof s[field] === 'number'))) reported.add(key);
    }
  }
  // A few samples first: RTCP reports (remote-inbound-rtp) come a while after the media.
  return new Set([...present].filter(([key, count]) => count >= 3 && !reported.has(key)).map(([key]) => key));
}

/**
 * The per-second change of `field` summed over the streams in `list`, each against its own previous
 * value; null when no stream can be compared.
 */
function rateOf(list, field, at, previous, scale) {
  if (!previous) return null;
  let total = 0;
  let compared = 0;
  for (const stats of list) {
    const before = previous.byId[stats.id];
    if (typeof stats[field] !== 'number' || typeof before?.[field] !== 'number') continue;
    const delta = stats[field] - before[field];
    const seconds = elapsedSeconds(stats, before, at, previous.at);
    if (delta < 0 || !(seconds > 0)) continue;
    total += (delta * scale) / seconds;
    compared++;
  }
  return compared ? Math.round(total * 100) / 100 : null;
}

/** Prefers the stats' own timestamps (when the browser measured), else the samples' times. */
function elapsedSeconds(stats, before, at, previousAt) {
  const timed = typeof stats.timestamp === 'number' && typeof before.timestamp === 'number';
  if (timed && stats.timestamp > before.timestamp) {
    return (stats.timestamp - before.timestamp) / 1000;
  }
  return (at - previousAt) / 1000;
}

/** The selected candidate pair's current RTT, else the RTCP one of the sent streams; in ms. */
function roundTripMs(stats) {
  const pair = selectedPair(stats);
  if (typeof pair?.currentRoundTripTime === 'number') return pair.currentRoundTripTime * 1000;
  return maxOf(stats.filter((s) => s.type === 'remote-inbound-rtp')
      .map((s) => (typeof s.roundTripTime === 'number' ? s.roundTripTime * 1000 : null)));
}

/**
 * The candidate pair in use among one getStats() report's entries (an array), or null: the transport's
 * selected pair, or, without transport stats (older Firefox), the pair marked selected itself.
 */
export function selectedPair(stats) {
  const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
  if (transport) return stats.find((s) => s.id === transport.selectedCandidatePairId) ?? null;
  return stats.find((s) => s.type === 'candidate-pair' && s.selected === true) ?? null;
}

function largest(list) {
  const area = (s) => (s.frameWidth ?? 0) * (s.frameHeight ?? 0);
  return list.reduce((best, s) => (best === null || area(s) > area(best) ? s : best), null);
}

function maxOf(values) {
  const numbers = values.filter((v) => typeof v === 'number');
  return numbers.length ? Math.max(...numbers) : null;
}

function sumOf(values) {
  const numbers = values.filter((v) => typeof v === 'number');
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

/**
 * The ICE candidate pairs of one report (RFC 8445 §6.1.2), the selected one first: the one the transport
 * names in selectedCandidatePairId (without transport stats: the pair marked selected).
 * @param {Object<string, {type: string}>} report
 * @return {{id: string, state: string|null, nominated: boolean, selected: boolean, rtt: number|null,
 *     bytesSent: number|null, bytesReceived: number|null, priority: number|null, local: object|null,
 *     remote: object|null}[]} rtt in ms; local/remote: {type, protocol, address, port, relayProtocol, url}
 */
export function candidatePairs(report) {
  const stats = Object.values(report ?? {});
  const selected = selectedPair(stats);
  const candidate = (id) => {
    const found = report[id];
    if (!found) return null;
    return {
      type: found.candidateType ?? null,
      protocol: found.protocol ?? null,
      address: found.address ?? found.ip ?? null,
      port: found.port ?? null,
      relayProtocol: found.relayProtocol ?? null,
      url: found.url ?? null,
    };
  };
  const pairs = stats.filter((s) => s.type === 'candidate-pair').map((pair) => ({
    id: pair.id,
    state: pair.state ?? null,
    nominated: pair.nominated === true,
    selected: pair === selected,
    rtt: typeof pair.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : null,
    bytesSent: pair.bytesSent ?? null,
    bytesReceived: pair.bytesReceived ?? null,
    priority: pair.priority ?? null,
    local: candidate(pair.localCandidateId),
    remote: candidate(pair.remoteCandidateId),
  }));
  return pairs.sort((a, b) => Number(b.selected) - Number(a.selected));
}

const DTLS_VERSIONS = {FEFF: 'DTLS 1.0', FEFD: 'DTLS 1.2', FEFC: 'DTLS 1.3'};

/**
 * The DTLS side of a report's transport (RFC 5764, RFC 8842): null when the browser gives no transport
 * stats (older Firefox).
 * @param {Object<string, {type: string}>} report
 * @return {{dtlsState: string|null, version: string|null, cipher: string|null, srtpCipher: string|null,
 *     role: string|null, iceRole: string|null, selectedCandidatePairId: string|null}|null}
 */
export function dtlsTransport(report) {
  const transport = Object.values(report ?? {}).find((s) => s.type === 'transport');
  if (!transport) return null;
  const version = transport.tlsVersion ? (DTLS_VERSIONS[transport.tlsVersion.toUpperCase()]
    ?? `version 0x${transport.tlsVersion}`) : null;
  return {
    dtlsState: transport.dtlsState ?? null,
    version,
    cipher: transport.dtlsCipher ?? null,
    srtpCipher: transport.srtpCipher ?? null,
    role: transport.dtlsRole ?? null,
    iceRole: transport.iceRole ?? null,
    selectedCandidatePairId: transport.selectedCandidatePairId ?? null,
  };
}
