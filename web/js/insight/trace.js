/**
 * The trace: the record of one call (or of a chrome://webrtc-internals dump) as Behind the Scenes keeps
 * it in memory and exports it. docs/trace-format.md is the reference for its shape; keep them in step.
 * Pure: plain objects in and out; time is passed in.
 */

export const TRACE_FORMAT = 'webrtc-scratch-trace';
export const TRACE_VERSION = 1;
export const TRACE_SOURCES = ['webrtc-scratch', 'webrtc-internals'];

export const EVENT_KINDS = ['media', 'signaling-frame', 'signaling-state', 'negotiation', 'description', 'candidate',
  'end-of-candidates', 'candidate-error', 'state', 'track', 'first-frame', 'server', 'note'];

export const STATE_KINDS = ['signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState',
  'dtlsState', 'dataChannel'];

/**
 * How much a trace keeps: a few minutes of a busy call. Past a bound the oldest entries go first, and
 * `trace.dropped` counts them.
 */
export const TRACE_BOUNDS = Object.freeze({maxEvents: 5000, maxSamplesPerPeer: 300});

const REDACTED = '[redacted]';
const SECRET_KEYS = new Set(['resumetoken', 'resume', 'credential', 'password', 'token']);

/**
 * A copy of `message` with nothing secret left, at any depth: resume tokens, TURN credentials, room
 * passwords and join tokens become "[redacted]", and ICE server entries keep only `urls` and `username`.
 * @template T
 * @param {T} message
 * @return {T}
 */
export function redact(message) {
  return redactValue(message, false);
}

function redactValue(value, inIceServers) {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, inIceServers));
  if (value === null || typeof value !== 'object') return value;
  if (inIceServers) {
    const kept = {};
    if ('urls' in value) kept.urls = redactValue(value.urls, false);
    if ('url' in value) kept.url = redactValue(value.url, false);
    if ('username' in value) kept.username = value.username;
    return kept;
  }
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEYS.has(key.toLowerCase())) {
      copy[key] = REDACTED;
    } else {
      copy[key] = redactValue(item, key === 'iceServers');
    }
  }
  return copy;
}

/**
 * An empty trace, ready to record into.
 * @param {{source?: string, userAgent?: string, timeOrigin: number,
 *     call?: {room: string|null, localPeerId: string|null, name: string|null}}} fields
 */
export function newTrace({source = 'webrtc-scratch', userAgent = '', timeOrigin, call = {}}) {
  if (!Number.isFinite(timeOrigin)) throw new TypeError('newTrace needs timeOrigin, epoch milliseconds');
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    source,
    exportedAt: null,
    userAgent,
    timeOrigin,
    call: {room: call.room ?? null, localPeerId: call.localPeerId ?? null, name: call.name ?? null},
    peers: [],
    events: [],
    stats: {},
    dropped: {events: 0, samples: {}},
  };
}

/**
 * Adds or updates a peer (one per RTCPeerConnection).
 * @param {ReturnType<typeof newTrace>} trace
 * @param {{peerId: string, name?: string|null, polite?: boolean|null}} peer
 */
export function addPeer(trace, {peerId, name = null, polite = null}) {
  const known = trace.peers.find((peer) => peer.peerId === peerId);
  if (known) {
    Object.assign(known, {name: name ?? known.name, polite: polite ?? known.polite});
  } else {
    trace.peers.push({peerId, name, polite});
  }
}

/**
 * Adds one event in time order; past `bounds.maxEvents` the oldest goes and is counted.
 * @param {ReturnType<typeof newTrace>} trace
 * @param {{at: number, kind: string}} event
 * @param {{maxEvents: number}} [bounds]
 */
export function addEvent(trace, event, bounds = TRACE_BOUNDS) {
  const {events} = trace;
  let index = events.length;
  while (index > 0 && events[index - 1].at > event.at) index--;
  events.splice(index, 0, event);
  const excess = events.length - bounds.maxEvents;
  if (excess > 0) {
    events.splice(0, excess);
    trace.dropped.events += excess;
  }
}

/**
 * Adds one getStats() sample of a peer; past `bounds.maxSamplesPerPeer` the oldest goes and is counted.
 * @param {ReturnType<typeof newTrace>} trace
 * @param {string} peerId
 * @param {{at: number, report: Object<string, {type: string}>}} sample
 * @param {{maxSamplesPerPeer: number}} [bounds]
 */
export function addSample(trace, peerId, sample, bounds = TRACE_BOUNDS) {
  const samples = (trace.stats[peerId] ??= []);
  samples.push(sample);
  const excess = samples.length - bounds.maxSamplesPerPeer;
  if (excess > 0) {
    samples.splice(0, excess);
    trace.dropped.samples[peerId] = (trace.dropped.samples[peerId] ?? 0) + excess;
  }
}

/** Thrown by validateTrace; `problems` lists everything found wrong, each naming where. */
export class TraceFormatError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    super(`not a usable ${TRACE_FORMAT} file: ${shown}${more}`);
    this.name = 'TraceFormatError';
    this.problems = problems;
  }
}

/**
 * Checks a parsed trace file and returns it, or throws a TraceFormatError naming every problem.
 * @param {unknown} json
 * @return {ReturnType<typeof newTrace>}
 */
export function validateTrace(json) {
  const problems = [];
  const problem = (text) => problems.push(text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TraceFormatError(['the file holds no JSON object']);
  }
  if (json.format !== TRACE_FORMAT) problem(`"format" must be "${TRACE_FORMAT}", not ${show(json.format)}`);
  if (json.version !== TRACE_VERSION) {
    problem(`"version" ${show(json.version)} is not one this viewer reads (it reads ${TRACE_VERSION})`);
  }
  if (!TRACE_SOURCES.includes(json.source)) problem(`"source" must be one of ${TRACE_SOURCES.join(', ')}`);
  if (!Number.isFinite(json.timeOrigin)) problem('"timeOrigin" must be a number (epoch milliseconds)');
  if (json.exportedAt != null && typeof json.exportedAt !== 'string') problem('"exportedAt" must be a string');
  if (json.call === null || typeof json.call !== 'object') problem('"call" must be an object');
  if (!Array.isArray(json.peers)) {
    problem('"peers" must be an array');
  } else {
    json.peers.forEach((peer, i) => {
      if (typeof peer?.peerId !== 'string') problem(`peers[${i}] has no "peerId" string`);
    });
  }
  if (!Array.isArray(json.events)) {
    problem('"events" must be an array');
  } else {
    checkEvents(json.events, problem);
  }
  if (json.stats === null || typeof json.stats !== 'object' || Array.isArray(json.stats)) {
    problem('"stats" must be an object of sample arrays by peer id');
  } else {
    for (const [peerId, samples] of Object.entries(json.stats)) {
      if (!Array.isArray(samples)) {
        problem(`stats["${peerId}"] must be an array of samples`);
        continue;
      }
      samples.forEach((sample, i) => {
        if (!Number.isFinite(sample?.at)) problem(`stats["${peerId}"][${i}] has no numeric "at"`);
        if (sample?.report === null || typeof sample?.report !== 'object') {
          problem(`stats["${peerId}"][${i}] has no "report" object`);
        }
      });
    }
  }
  if (problems.length) throw new TraceFormatError(problems);
  json.dropped ??= {events: 0, samples: {}};
  return json;
}

function checkEvents(events, problem) {
  let previous = -Infinity;
  events.forEach((event, i) => {
    const where = `events[${i}]`;
    if (event === null || typeof event !== 'object') return problem(`${where} is not an object`);
    if (!Number.isFinite(event.at)) problem(`${where} has no numeric "at"`);
    if (event.at < previous) problem(`${where} is earlier than the event before it (events are in time order)`);
    previous = event.at;
    if (!EVENT_KINDS.includes(event.kind)) {
      return problem(`${where} has the unknown kind ${show(event.kind)} (known: ${EVENT_KINDS.join(', ')})`);
    }
    const needs = REQUIRED_FIELDS[event.kind] ?? [];
    for (const field of needs) {
      if (event[field] === undefined) problem(`${where} (${event.kind}) has no "${field}"`);
    }
    if (event.kind === 'state' && !STATE_KINDS.includes(event.which)) {
      problem(`${where} (state) has the unknown "which" ${show(event.which)}`);
    }
  });
}

const REQUIRED_FIELDS = {
  'signaling-frame': ['direction', 'type', 'message'],
  'signaling-state': ['state'],
  'negotiation': ['peerId', 'step'],
  'description': ['peerId', 'side', 'type', 'sdp'],
  'candidate': ['peerId', 'side', 'candidate'],
  'end-of-candidates': ['peerId', 'side'],
  'candidate-error': ['peerId', 'errorCode'],
  'state': ['peerId', 'which', 'value'],
  'track': ['peerId', 'trackKind'],
  'first-frame': ['peerId', 'trackKind'],
  'server': ['event'],
  'note': ['text'],
};

function show(value) {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
