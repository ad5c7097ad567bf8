/**
 * Records one call for Behind the Scenes, from the page's first event, whether the view is open or not:
 * the Call's events (given to {@link Recorder#record}, the `every` of `HeldEvents.release`), each
 * peer's RTCPeerConnection (peer-watch.js) and its getStats() once a second, into a trace as
 * docs/trace-format.md describes it, bounded as insight's trace.js bounds it. No DOM.
 *
 * Kept cheap for a view that may never open: a received event is one small object pushed on an array
 * (a signaling frame is redacted, which copies it); the one periodic cost is one getStats() per peer
 * per second, its report kept as the browser gives it, except that an entry unchanged since the previous
 * sample but for its timestamp is that sample's object again (measured: `bench/run.sh bts-cost`).
 */
import {TRACE_BOUNDS, addEvent, addPeer, addSample, newTrace, redact} from '../insight/trace.js';
import {watchPeerConnection} from './peer-watch.js';


export class Recorder {
  #call;
  #now;
  #options;
  #watches = new Map();
  #firstFrames = new Map();
  #lastReports = new Map();
  #timer = null;
  #stopped = false;
  #listeners = new Set();

  /**
   * @param {import('../call.js').Call} call the call recorded (for its room, name and peers)
   * @param {object} [options]
   * @param {() => number} [options.now] ms since `performance.timeOrigin`, the clock of the Call's own events
   * @param {number} [options.sampleIntervalMs] how often each peer's getStats() is sampled
   * @param {{maxEvents: number, maxSamplesPerPeer: number}} [options.bounds] what is kept; past them the
   *     oldest go (by default insight's TRACE_BOUNDS: five minutes of samples)
   */
  constructor(call, {now = () => performance.now(), sampleIntervalMs = 1000, bounds = TRACE_BOUNDS} = {}) {
    this.#call = call;
    this.#now = now;
    this.#options = {sampleIntervalMs, bounds};
    /** The trace being recorded; read it, never change it. */
    this.trace = newTrace({userAgent: navigator.userAgent, timeOrigin: performance.timeOrigin,
      call: {room: call.room, localPeerId: call.localPeerId, name: call.name}});
  }

  /** Calls `listener` after each change of the trace; returns what removes it. */
  onChange(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Takes one event of the Call (a CustomEvent of a type in CALL_EVENTS).
   * @param {CustomEvent} event
   */
  record({type, detail, timeStamp}) {
    if (this.#stopped) return;
    // An event held until the page's modules loaded comes late: its own time says when it happened.
    const at = detail?.at ?? timeStamp;
    switch (type) {
      case 'signaling-frame':
        this.#add({kind: 'signaling-frame', at, direction: detail.direction,
          type: detail.message?.type ?? null, size: byteLength(detail.text),
          message: detail.message ? redact(detail.message) : null});
        break;
      case 'signaling-state':
        this.#add({at, kind: 'signaling-state', state: detail.state});
        break;
      case 'peer-negotiation':
        this.#negotiation(detail);
        break;
      case 'local-media':
        this.#add({at, ...mediaEvent(detail.media)});
        break;
      case 'welcome':
        this.trace.call.localPeerId = detail.peerId;
        this.#add({at, kind: 'note', text: `Welcomed into room ${this.#call.room} as ${detail.peerId}`});
        break;
      case 'peer-added':
        this.#addPeer(detail.peer);
        break;
      case 'peer-removed':
        this.#removePeer(detail.peerId);
        this.#add({at, kind: 'note', peerId: detail.peerId, text: `Peer ${detail.peerId} removed (${detail.reason})`});
        break;
      case 'peer-failure':
        this.#add({at, kind: 'note', peerId: detail.peerId, text: `Failure: ${detail.error?.message ?? detail.error}`});
        break;
      case 'server-event':
        this.#add({at, kind: 'server', event: detail.event});
        break;
      case 'state':
        this.#add({at, kind: 'note', text: `Call ${detail.state}${detail.reason ? ` (${detail.reason})` : ''}`});
        break;
      default:
        // peer-state and peer-track come from the connection itself; chat messages stay private.
    }
  }

  /** The trace as a file: a copy with the export time, ready for JSON.stringify. */
  exportTrace() {
    return {...this.trace, exportedAt: new Date().toISOString()};
  }

  /** Stops recording for good: no more events, sampling or watching. */
  stop() {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = null;
    for (const stopWatching of this.#watches.values()) stopWatching();
    this.#watches.clear();
  }

  #negotiation({peerId, step, at, ...rest}) {
    const {description, error} = rest;
    this.#add({kind: 'negotiation', at, peerId, step, ...rest,
      ...(error ? {error: {name: error.name, message: error.message}} : {})});
    if (description && step !== 'offer-ignored') {
      const side = step === 'offer' || step === 'answer' ? 'local' : 'remote';
      if (step !== 'rollback') this.#add({kind: 'description', at, peerId, side, type: description.type, sdp: description.sdp});
    }
    if (step === 'candidate-added') {
      const {candidate} = rest;
      this.#add(candidate?.candidate
        ? {kind: 'candidate', at, peerId, side: 'remote', candidate: candidate.candidate, sdpMid: candidate.sdpMid}
        : {kind: 'end-of-candidates', at, peerId, side: 'remote'});
    }
  }

  #addPeer(peer) {
    const {peerId} = peer;
    addPeer(this.trace, {peerId, name: peer.name, polite: peer.polite});
    this.#watches.get(peerId)?.();
    this.#firstFrames.set(peerId, new Set());
    this.#watches.set(peerId, watchPeerConnection(peer.pc, [peer.channel], (event) => this.#add({...event, peerId})));
    this.#timer ??= setInterval(() => this.#sample(), this.#options.sampleIntervalMs);
  }

  #removePeer(peerId) {
    this.#watches.get(peerId)?.();
    this.#watches.delete(peerId);
    this.#lastReports.delete(peerId);
    if (this.#watches.size === 0) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  #sample() {
    for (const peerId of this.#watches.keys()) {
      const peer = this.#call.peers.get(peerId);
      if (!peer || peer.pc.connectionState === 'closed') continue;
      peer.pc.getStats().then((report) => this.#keepSample(peerId, report), () => {});
    }
  }

  #keepSample(peerId, report) {
    if (!this.#watches.has(peerId)) return;
    const at = this.#now();
    const before = this.#lastReports.get(peerId) ?? {};
    const plain = {};
    for (const [id, stats] of report) {
      // The certificate itself is a few kB of base64 that nothing here reads.
      const kept = stats.type === 'certificate' ? {...stats, base64Certificate: undefined} : stats;
      // Most of a report stands still (candidates, codecs, the certificate, pairs not in use): an entry
      // that changed nothing but its timestamp is the previous sample's object again, kept once in memory.
      plain[id] = sameButTimestamp(before[id], kept) ? before[id] : kept;
      this.#noticeFirstFrame(peerId, stats, at);
    }
    this.#lastReports.set(peerId, plain);
    addSample(this.trace, peerId, {at, report: plain}, this.#options.bounds);
    this.#changed();
  }

  /** The first sample in which a received stream has decoded something (video frames, audio samples). */
  #noticeFirstFrame(peerId, stats, at) {
    if (stats.type !== 'inbound-rtp') return;
    const seen = this.#firstFrames.get(peerId);
    const decoded = stats.kind === 'video' ? stats.framesDecoded : stats.totalSamplesReceived;
    if (!seen || seen.has(stats.kind) || !(decoded > 0)) return;
    seen.add(stats.kind);
    this.#add({kind: 'first-frame', at, peerId, trackKind: stats.kind});
  }

  #add(event) {
    addEvent(this.trace, {at: this.#now(), ...event}, this.#options.bounds);
    this.#changed();
  }

  #changed() {
    for (const listener of this.#listeners) listener();
  }
}

function mediaEvent(media) {
  const tracks = media.stream.getTracks().map((track) => {
    const {width, height, frameRate} = track.getSettings();
    return {kind: track.kind, label: track.label, width, height, frameRate};
  });
  return {kind: 'media', devices: tracks.map(({kind, label}) => ({kind, label})), tracks,
    ...(media.problem ? {error: media.problem.message} : {})};
}

/** Whether two stats entries hold the same values but for their `timestamp`. */
function sameButTimestamp(previous, stats) {
  if (!previous) return false;
  const keys = Object.keys(stats);
  if (keys.length !== Object.keys(previous).length) return false;
  return keys.every((key) => key === 'timestamp' || Object.is(previous[key], stats[key]));
}

const encoder = new TextEncoder();

function byteLength(text) {
  return typeof text === 'string' ? encoder.encode(text).length : 0;
}
