/**
 * Connection quality per peer, from getStats every few seconds: round-trip time of the selected candidate
 * pair, packet loss and bitrate of what comes in. Said in words (`good`, `fair`, `poor`) with the reasons,
 * for the tile's indicator and its tooltip. No DOM.
 *
 * Events (CustomEvent): `quality` ({peerId, level, why}) when a peer's level or reasons change.
 */
import {selectedPair} from './insight/stats-series.js';

const POLL_MS = 2000;
/** Above these, the connection is fair, then poor (ITU-T G.114 puts one-way delay trouble at 150 ms). */
const RTT_MS = {fair: 250, poor: 500};
const LOSS_PERCENT = {fair: 2, poor: 8};
/** Below this, video that is on cannot look good. */
const LOW_VIDEO_KBPS = 150;

/**
 * @param {{rttMs: number|null, lossPercent: number|null, kbps: number|null, videoExpected: boolean}} measured
 * @return {{level: 'good'|'fair'|'poor'|'unknown', why: string}}
 */
export function assessQuality({rttMs, lossPercent, kbps, videoExpected}) {
  if (rttMs === null && lossPercent === null) return {level: 'unknown', why: 'No measurements yet.'};
  const ranks = [];
  const reasons = [];
  if (rttMs !== null) {
    ranks.push(rttMs > RTT_MS.poor ? 2 : rttMs > RTT_MS.fair ? 1 : 0);
    reasons.push(`round trip ${Math.round(rttMs)} ms`);
  }
  if (lossPercent !== null) {
    ranks.push(lossPercent > LOSS_PERCENT.poor ? 2 : lossPercent > LOSS_PERCENT.fair ? 1 : 0);
    reasons.push(`${lossPercent.toFixed(1)}% packets lost`);
  }
  if (kbps !== null) {
    if (videoExpected) ranks.push(kbps < LOW_VIDEO_KBPS ? 1 : 0);
    reasons.push(`receiving ${Math.round(kbps)} kbit/s`);
  }
  const level = ['good', 'fair', 'poor'][Math.max(...ranks)];
  return {level, why: `${level[0].toUpperCase()}${level.slice(1)} connection: ${reasons.join(', ')}.`};
}

export class ConnectionQuality extends EventTarget {
  #call;
  #now;
  #timer = null;
  /** @type {Map<string, {at: number, bytes: number, lost: number, received: number, level: string, why: string}>} */
  #last = new Map();

  /**
   * @param {import('./call.js').Call} call
   * @param {{cameraOff: (peerId: string) => boolean}} presence whether a peer's camera is off, so that no
   *     video is no fault of the connection
   * @param {() => number} [now]
   */
  constructor(call, presence, now = () => performance.now()) {
    super();
    this.#call = call;
    this.presence = presence;
    this.#now = now;
  }

  start() {
    this.#timer ??= setInterval(() => this.#poll(), POLL_MS);
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = null;
    this.#last.clear();
  }

  async #poll() {
    for (const peer of [...this.#call.peers.values()]) {
      if (peer.pc.connectionState === 'closed') continue;
      const sample = await measure(peer.pc).catch(() => null);
      if (!sample) continue;
      const at = this.#now();
      const previous = this.#last.get(peer.peerId);
      const seconds = previous ? (at - previous.at) / 1000 : 0;
      const lostNow = previous ? sample.lost - previous.lost : 0;
      const receivedNow = previous ? sample.received - previous.received : 0;
      const {level, why} = assessQuality({
        rttMs: sample.rttMs,
        lossPercent: previous && lostNow + receivedNow > 0 ? 100 * Math.max(0, lostNow) / (lostNow + receivedNow) : null,
        kbps: previous && seconds > 0 ? 8 * (sample.bytes - previous.bytes) / 1000 / seconds : null,
        videoExpected: sample.video && !this.presence.cameraOff(peer.peerId),
      });
      this.#last.set(peer.peerId, {at, ...sample, level, why});
      if (previous?.level !== level || previous?.why !== why) {
        this.dispatchEvent(new CustomEvent('quality', {detail: {peerId: peer.peerId, level, why}}));
      }
    }
  }
}

/** The raw numbers of one peer connection now. */
async function measure(pc) {
  const report = await pc.getStats();
  let rttMs = null;
  let bytes = 0;
  let lost = 0;
  let received = 0;
  let video = false;
  const pair = selectedPair([...report.values()]);
  if (pair?.currentRoundTripTime !== undefined) rttMs = pair.currentRoundTripTime * 1000;
  for (const stats of report.values()) {
    if (stats.type === 'inbound-rtp') {
      bytes += stats.bytesReceived ?? 0;
      lost += stats.packetsLost ?? 0;
      received += stats.packetsReceived ?? 0;
      if (stats.kind === 'video') video = true;
    }
  }
  return {rttMs, bytes, lost, received, video};
}
