/**
 * Flow control on a data channel, and the speed and time left of a transfer. No DOM.
 */

/**
 * Resolves once `channel` may take more: at once while its queue is under `high` bytes, otherwise at its
 * next `bufferedamountlow` (the threshold is set by the sender). Rejects if the channel closes meanwhile.
 * @param {RTCDataChannel} channel
 */
export function roomInBuffer(channel, high) {
  if (channel.bufferedAmount < high) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      channel.removeEventListener('bufferedamountlow', done);
      channel.removeEventListener('close', done);
      if (channel.readyState === 'open') resolve();
      else reject(new Error('channel closed'));
    };
    channel.addEventListener('bufferedamountlow', done);
    channel.addEventListener('close', done);
  });
}

/**
 * Bytes done over time: the speed over the last few seconds and the time left at that speed.
 * Time is given, not read, so that tests can drive it.
 */
export class RateMeter {
  #samples = [];
  #windowMs;

  constructor(windowMs = 3000) {
    this.#windowMs = windowMs;
  }

  /**
   * @param {number} bytes done so far
   * @param {number} size total
   * @param {number} now ms
   * @return {{bytes: number, size: number, fraction: number, bytesPerSecond: number, secondsLeft: number|null}}
   */
  update(bytes, size, now) {
    this.#samples.push({bytes, now});
    while (this.#samples.length > 2 && now - this.#samples[1].now >= this.#windowMs) this.#samples.shift();
    const first = this.#samples[0];
    const elapsed = now - first.now;
    const bytesPerSecond = elapsed > 0 ? ((bytes - first.bytes) * 1000) / elapsed : 0;
    const remaining = size - bytes;
    return {
      bytes,
      size,
      fraction: size > 0 ? bytes / size : 1,
      bytesPerSecond,
      secondsLeft: remaining === 0 ? 0 : bytesPerSecond > 0 ? remaining / bytesPerSecond : null,
    };
  }

  /** Forgets the history (after a pause, the old speed means nothing). */
  reset() {
    this.#samples = [];
  }
}
