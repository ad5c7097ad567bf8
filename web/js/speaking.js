import {AudioLevelMeter, SPEAKING_LEVEL} from './audio-level.js';

/**
 * Who is speaking: the others from getStats' `audioLevel` of their incoming audio, this page from an
 * analyser on its microphone. Someone counts as speaking from a level above {@link SPEAKING_LEVEL} until
 * {@link HOLD_MS} of quiet, so the indicator does not flicker between syllables. No DOM.
 *
 * Events (CustomEvent): `speaking` ({peerId, speaking}); `peerId` is null for this page.
 */

const POLL_MS = 200;
const HOLD_MS = 1200;

export class SpeakingDetector extends EventTarget {
  #call;
  #now;
  #timer = null;
  #meter = null;
  #meterTrack = null;
  /** @type {Map<string|null, {speaking: boolean, lastLoud: number}>} */
  #states = new Map();

  /**
   * @param {import('./call.js').Call} call
   * @param {() => number} [now]
   */
  constructor(call, now = () => performance.now()) {
    super();
    this.#call = call;
    this.#now = now;
  }

  start() {
    this.#timer ??= setInterval(() => this.#poll(), POLL_MS);
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = null;
    this.#meter?.close();
    this.#meter = this.#meterTrack = null;
    this.#states.clear();
  }

  /** Whether `peerId` (null: this page) counts as speaking now. */
  isSpeaking(peerId) {
    return this.#states.get(peerId)?.speaking ?? false;
  }

  async #poll() {
    const at = this.#now();
    this.#update(null, this.#localLevel(), at);
    const peers = [...this.#call.peers.values()];
    const levels = await Promise.all(peers.map((peer) => remoteLevel(peer.pc).catch(() => 0)));
    peers.forEach((peer, i) => this.#update(peer.peerId, levels[i], at));
    for (const id of this.#states.keys()) {
      if (id !== null && !this.#call.peers.has(id)) this.#states.delete(id);
    }
  }

  #localLevel() {
    const track = this.#call.media.audioTrack;
    if (track !== this.#meterTrack) {
      this.#meter?.close();
      this.#meterTrack = track;
      this.#meter = track ? new AudioLevelMeter(track) : null;
    }
    return track?.enabled && this.#meter ? this.#meter.level() : 0;
  }

  #update(peerId, level, at) {
    const state = this.#states.get(peerId) ?? {speaking: false, lastLoud: -Infinity};
    if (level > SPEAKING_LEVEL) state.lastLoud = at;
    const speaking = at - state.lastLoud < HOLD_MS;
    this.#states.set(peerId, state);
    if (speaking === state.speaking) return;
    state.speaking = speaking;
    this.dispatchEvent(new CustomEvent('speaking', {detail: {peerId, speaking}}));
  }
}

/** The loudest incoming audio of a peer connection now (getStats `inbound-rtp` `audioLevel`, 0–1). */
async function remoteLevel(pc) {
  if (pc.connectionState === 'closed') return 0;
  let level = 0;
  for (const stats of (await pc.getStats()).values()) {
    if (stats.type === 'inbound-rtp' && stats.kind === 'audio') level = Math.max(level, stats.audioLevel ?? 0);
  }
  return level;
}
