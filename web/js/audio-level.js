/**
 * How loud a local audio track is right now, from a Web Audio analyser: the pre-join screen's level
 * meter, the local tile's speaking indicator and /check's microphone step. (Remote tracks are measured from getStats'
 * `audioLevel` instead, see presence.js: no audio graph per remote peer.)
 */

/** Level (0–1) above which someone counts as speaking; Chromium's fake microphone beeps well above it. */
export const SPEAKING_LEVEL = 0.02;

/** The RMS level (0 to 1) of time-domain samples centred on 128, as AnalyserNode.getByteTimeDomainData gives. */
export function rmsLevel(samples) {
  let sum = 0;
  for (const value of samples) sum += ((value - 128) / 128) ** 2;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

export class AudioLevelMeter {
  #context;
  #ownsContext;
  #source;
  #analyser;
  #samples;

  /**
   * @param {MediaStreamTrack} track a live audio track; the meter does not stop it
   * @param {AudioContext} [context] one to use (and leave open); by default the meter makes its own
   */
  constructor(track, context) {
    this.#ownsContext = !context;
    this.#context = context ?? new AudioContext();
    this.#analyser = this.#context.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#samples = new Float32Array(this.#analyser.fftSize);
    this.#source = this.#context.createMediaStreamSource(new MediaStream([track]));
    this.#source.connect(this.#analyser);
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

  /** The RMS level of the last 20 ms or so, 0–1: the steady loudness, where {@link level} shows peaks. */
  rms() {
    const bytes = new Uint8Array(this.#analyser.fftSize);
    this.#analyser.getByteTimeDomainData(bytes);
    return rmsLevel(bytes);
  }

  close() {
    this.#source.disconnect();
    if (this.#ownsContext) this.#context.close().catch(() => {});
  }
}
