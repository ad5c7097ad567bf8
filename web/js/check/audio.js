/** The check's one AudioContext, made on the click that starts the check so that it may play sound. */

/** @return {AudioContext|null} null in a browser without Web Audio */
export function createAudio() {
  return typeof AudioContext === 'function' ? new AudioContext() : null;
}

/**
 * Resumes `audio`, giving up after `ms`: a browser that wants a click first leaves resume() pending.
 * @return {Promise<boolean>} whether it is running
 */
export async function resumeWithin(audio, ms) {
  await Promise.race([audio.resume(), new Promise((resolve) => setTimeout(resolve, ms))]);
  return audio.state === 'running';
}
