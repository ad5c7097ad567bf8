/**
 * A chrome://webrtc-internals dump (the JSON its "Download the webrtc-internals dump" button saves, once
 * unzipped) turned into a trace, so the same views can show a call from any WebRTC app. Each peer
 * connection in the dump becomes a peer, its update log becomes events, and its stats series become
 * getStats()-like samples. docs/trace-format.md says how each part maps. Pure: JSON in, a trace out.
 */

import {addEvent, addPeer, addSample, newTrace, redact, TRACE_BOUNDS, validateTrace} from './trace.js';

/**
 * Whether `json` looks like a webrtc-internals dump rather than a trace.
 * @param {unknown} json
 */
export function isInternalsDump(json) {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && json.format === undefined
    && json.PeerConnections !== null && typeof json.PeerConnections === 'object';
}

const STATE_CHANGES = {
  onsignalingstatechange: 'signalingState',
  signalingstatechange: 'signalingState',
  onicegatheringstatechange: 'iceGatheringState',
  icegatheringstatechange: 'iceGatheringState',
  oniceconnectionstatechange: 'iceConnectionState',
  iceconnectionstatechange: 'iceConnectionState',
  onconnectionstatechange: 'connectionState',
  connectionstatechange: 'connectionState',
};

const DESCRIPTIONS = {
  setLocalDescription: 'local',
  setLocalDescriptionOnSuccess: 'local',
  setRemoteDescription: 'remote',
  setRemoteDescriptionOnSuccess: 'remote',
};

/**
 * @param {object} dump a parsed webrtc-internals dump
 * @param {{bounds?: {maxEvents: number, maxSamplesPerPeer: number}}} [options]
 * @return {ReturnType<typeof newTrace>} a trace with source 'webrtc-internals'
 */
export function fromInternalsDump(dump, {bounds = TRACE_BOUNDS} = {}) {
  if (!isInternalsDump(dump)) {
    throw new TypeError('not a webrtc-internals dump: it has no "PeerConnections" object (save one with '
      + '"Download the webrtc-internals dump" on chrome://webrtc-internals)');
  }
  const connections = Object.entries(dump.PeerConnections).filter(([, pc]) => pc && typeof pc === 'object');
  const timeOrigin = earliestTime(dump, connections);
  const trace = newTrace({source: 'webrtc-internals', userAgent: String(dump.UserAgent ?? ''), timeOrigin});
  if (Number.isFinite(dump.timestamp)) trace.exportedAt = new Date(dump.timestamp).toISOString();
  const since = (epochMs) => Math.round((epochMs - timeOrigin) * 1000) / 1000;

  for (const event of mediaEvents(dump.getUserMedia, since)) addEvent(trace, event, bounds);
  for (const [peerId, pc] of connections) {
    addPeer(trace, {peerId, name: `connection ${peerId}`});
    const peer = trace.peers.find((known) => known.peerId === peerId);
    if (pc.url) peer.url = String(pc.url);
    const iceServers = readJson(pc.rtcConfiguration)?.iceServers;
    if (Array.isArray(iceServers)) peer.iceServers = redact({iceServers}).iceServers;
    for (const event of logEvents(pc.updateLog ?? [], peerId, since)) addEvent(trace, event, bounds);
    const samples = statsSamples(pc.stats ?? {});
    trace.stats[peerId] = [];
    for (const event of statsStateEvents(samples, peerId, since)) addEvent(trace, event, bounds);
    for (const {time, report} of samples) addSample(trace, peerId, {at: since(time), report}, bounds);
  }
  return validateTrace(trace);
}

function earliestTime(dump, connections) {
  const times = [];
  for (const request of Array.isArray(dump.getUserMedia) ? dump.getUserMedia : []) times.push(request?.timestamp);
  for (const [, pc] of connections) {
    for (const entry of pc.updateLog ?? []) times.push(entry?.timestamp);
    for (const series of Object.values(pc.stats ?? {})) times.push(Date.parse(series?.startTime));
  }
  const finite = times.filter(Number.isFinite);
  return finite.length ? Math.min(...finite) : (Number.isFinite(dump.timestamp) ? dump.timestamp : 0);
}

/** getUserMedia results (a stream with its tracks, or an error) as `media` events. */
function mediaEvents(requests, since) {
  const events = [];
  for (const request of Array.isArray(requests) ? requests : []) {
    if (!Number.isFinite(request?.timestamp)) continue;
    const tracks = ['audio', 'video'].map((kind) => ({kind, info: readJson(request[`${kind}_track_info`])}))
      .filter(({info}) => info).map(({kind, info}) => ({kind, label: info.label ?? ''}));
    if (tracks.length) {
      events.push({at: since(request.timestamp), kind: 'media', devices: tracks, tracks});
    } else if (request.error) {
      const error = `${request.error}${request.error_message ? `: ${request.error_message}` : ''}`;
      events.push({at: since(request.timestamp), kind: 'media', devices: [], tracks: [], error});
    }
  }
  return events;
}

function logEvents(updateLog, peerId, since) {
  const events = [];
  const lastSdp = {local: null, remote: null};
  for (const entry of updateLog) {
    if (!Number.isFinite(entry?.timestamp)) continue;
    const at = since(entry.timestamp);
    const value = readJson(entry.value) ?? entry.value;
    const type = String(entry.type ?? '');
    if (type in STATE_CHANGES) {
      events.push({at, kind: 'state', peerId, which: STATE_CHANGES[type], value: String(value)});
    } else if (type in DESCRIPTIONS) {
      // An implicit setLocalDescription() logs its SDP only on success; an explicit one before.
      const side = DESCRIPTIONS[type];
      const description = typeof value === 'object' && value?.sdp ? value : legacyDescription(entry.value);
      if (description && description.sdp !== lastSdp[side]) {
        lastSdp[side] = description.sdp;
        events.push({at, kind: 'description', peerId, side, type: description.type, sdp: description.sdp});
      }
    } else if (type === 'onicecandidate' || type === 'icecandidate' || type === 'addIceCandidate') {
      events.push(candidateEvent(at, peerId, type === 'addIceCandidate' ? 'remote' : 'local', value));
    } else if (type === 'onicecandidateerror' || type === 'icecandidateerror') {
      events.push(candidateErrorEvent(at, peerId, value));
    } else if (type === 'ontrack' || type === 'track') {
      const trackKind = value?.kind ?? trackKindOf(entry.value);
      events.push({at, kind: 'track', peerId, trackKind, id: value?.id ?? null});
    } else {
      const detail = typeof entry.value === 'string' ? entry.value : JSON.stringify(entry.value ?? '');
      events.push({at, kind: 'note', peerId, text: detail ? `${type}: ${shorten(detail)}` : type});
    }
  }
  return events;
}

/** Older dumps write "type: offer, sdp: v=0..." instead of JSON. */
function legacyDescription(text) {
  const match = /^type: (\w+), sdp: ([\s\S]+)$/.exec(String(text ?? ''));
  return match ? {type: match[1], sdp: match[2]} : null;
}

function candidateEvent(at, peerId, side, value) {
  const fields = typeof value === 'object' && value ? value : legacyFields(value);
  if (!fields.candidate) return {at, kind: 'end-of-candidates', peerId, side};
  const event = {at, kind: 'candidate', peerId, side, candidate: String(fields.candidate),
    sdpMid: fields.sdpMid ?? null};
  if (fields.url) event.url = String(fields.url);
  return event;
}

function candidateErrorEvent(at, peerId, value) {
  const fields = typeof value === 'object' && value ? value : legacyFields(value);
  return {at, kind: 'candidate-error', peerId, url: fields.url ?? null,
    errorCode: Number(fields.errorCode ?? fields.error_code ?? NaN) || null,
    errorText: fields.errorText ?? fields.error_text ?? null, address: fields.address ?? null,
    port: fields.port === undefined ? null : Number(fields.port)};
}

/** "name: value, name: value" (older dumps) as an object. */
function legacyFields(text) {
  const fields = {};
  for (const match of String(text ?? '').matchAll(/(\w+): ([^,]*)/g)) fields[match[1]] = match[2].trim();
  return fields;
}

function trackKindOf(text) {
  return /\bvideo\b/.test(String(text)) ? 'video' : /\baudio\b/.test(String(text)) ? 'audio' : 'unknown';
}

/**
 * The dump keeps each stats field as a series "<statsId>-<field>" with {statsType, startTime, endTime,
 * values: JSON array}, one value per poll of getStats() (about one a second, unevenly on a busy machine).
 * Put back together as one report per poll: the poll times are those of the longest "timestamp" series,
 * and each series ends at the poll nearest its endTime (an object that went away ends earlier; a field
 * that appeared later has fewer values).
 */
function statsSamples(stats) {
  const series = [];
  for (const [key, entry] of Object.entries(stats)) {
    const dash = key.lastIndexOf('-');
    const values = Array.isArray(entry?.values) ? entry.values : readJson(entry?.values);
    const start = Date.parse(entry?.startTime);
    const end = Date.parse(entry?.endTime);
    if (dash <= 0 || !Array.isArray(values) || values.length === 0 || !Number.isFinite(start)) continue;
    series.push({id: key.slice(0, dash), field: key.slice(dash + 1), type: entry.statsType, values, start,
      end: Number.isFinite(end) ? end : start});
  }
  const polls = pollTimes(series);
  const reports = polls.map(() => ({}));
  for (const {id, field, type, values, end} of series) {
    const last = nearestIndex(polls, end);
    values.forEach((value, i) => {
      const index = last - (values.length - 1 - i);
      if (index < 0) return;
      reports[index][id] ??= {id, type, timestamp: polls[index]};
      reports[index][id][field] = value;
    });
  }
  return polls.map((time, i) => ({time, report: reports[i]})).filter(({report}) => Object.keys(report).length);
}

/** The times of the polls; without any timestamp series, each series' values spread from start to end. */
function pollTimes(series) {
  const stamps = series.filter(({field, type, values}) => field === 'timestamp' && !String(type).startsWith('remote-')
    && values.every(Number.isFinite));
  if (stamps.length) return stamps.reduce((a, b) => (b.values.length > a.values.length ? b : a)).values;
  const times = new Set();
  for (const {values, start, end} of series) {
    const step = values.length > 1 ? (end - start) / (values.length - 1) : 0;
    values.forEach((_, i) => times.add(Math.round(start + i * step)));
  }
  return [...times].sort((a, b) => a - b);
}

function nearestIndex(sorted, time) {
  let best = 0;
  sorted.forEach((value, i) => {
    if (Math.abs(value - time) < Math.abs(sorted[best] - time)) best = i;
  });
  return best;
}

/**
 * The dump's log has no DTLS or data channel states; the stats do. A change (or the first value) becomes
 * a `state` event at the sample that shows it.
 */
function statsStateEvents(samples, peerId, since) {
  const events = [];
  const last = new Map();
  for (const {time, report} of samples) {
    for (const stats of Object.values(report)) {
      const which = stats.type === 'transport' ? 'dtlsState' : stats.type === 'data-channel' ? 'dataChannel' : null;
      const value = which === 'dtlsState' ? stats.dtlsState : stats.state;
      if (!which || typeof value !== 'string' || last.get(stats.id) === value) continue;
      last.set(stats.id, value);
      const event = {at: since(time), kind: 'state', peerId, which, value};
      if (which === 'dataChannel') event.label = stats.label ?? '';
      events.push(event);
    }
  }
  return events;
}

function readJson(text) {
  if (typeof text !== 'string') return text && typeof text === 'object' ? text : null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function shorten(text) {
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
