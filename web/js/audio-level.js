/**
 * How loud a local audio track is right now, from a Web Audio analyser: the pre-join screen's level
 * meter and the local tile's speaking indicator. (Remote tracks are measured from getStats'
 * `audioLevel` instead, see presence.js: no audio graph per remote peer.)
 */

/** Level (0–1) above which someone counts as speaking; Chromium's fake microphone beeps well above it. */
export const SPEAKING_LEVEL = 0.02;

export class AudioLevelMeter {
  #context;
  #analyser;
  #samples;

  /** @param {MediaStreamTrack} track a live audio track; the meter does not stop it */
  constructor(track) {
    this.#context = new AudioContext();
    this.#analyser = this.#context.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#samples = new Float32Array(this.#analyser.fftSize);
    this.#context.createMediaStreamSource(new MediaStream([track])).connect(this.#analyser);
  }

  /**
   * The peak of the last 20 ms or so, 0–1: a peak rather than RMS, so that a short syllable shows.
   * A muted track (`enabled` false) reads 0.
   */
  level() {
    // The context starts suspended when the page has had no click yet and may be resumed at any time.
    if (this.#context.state === 'suspended') this.#context.resume().catch(() => {});
    this.#analyser.getFloatTimeDomainData(this.#samples);
    let peak = 0;
    for (const sample of this.#samples) peak = Math.max(peak, Math.abs(sample));
    return Math.min(1, peak);
  }

  close() {
    this.#context.close().catch(() => {});
  }
}
