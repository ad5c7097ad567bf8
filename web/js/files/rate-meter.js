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
