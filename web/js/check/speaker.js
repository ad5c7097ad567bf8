/**
 * Step 4: the speaker: a short test sound, on the output the person chooses where the browser allows
 * choosing it (AudioContext.setSinkId), on the system's default output otherwise.
 */
import {resumeWithin} from './audio.js';
import {passed, warning} from './report.js';

/** Whether this browser lets a page choose the audio output. */
export function canChooseOutput(AudioContextClass = globalThis.AudioContext) {
  return typeof AudioContextClass?.prototype?.setSinkId === 'function';
}

/** The audio outputs the browser lists (labels are empty before a media permission). */
export async function audioOutputs() {
  const devices = await navigator.mediaDevices?.enumerateDevices?.() ?? [];
  return devices.filter((d) => d.kind === 'audiooutput').map((d) => ({deviceId: d.deviceId, label: d.label}));
}

/**
 * Plays two short beeps on `audio`, on the output `deviceId` when given and choosable.
 * @param {AudioContext} audio
 * @param {string} [deviceId] '' for the default output
 * @return {Promise<void>} once the sound has played
 */
export async function playTestSound(audio, deviceId = '') {
  if (canChooseOutput(audio.constructor)) await audio.setSinkId(deviceId);
  const gain = audio.createGain();
  gain.gain.value = 0.2;
  gain.connect(audio.destination);
  const start = audio.currentTime + 0.05;
  const ended = [0, 0.5].map((offset) => {
    const tone = audio.createOscillator();
    tone.frequency.value = 660;
    tone.connect(gain);
    tone.start(start + offset);
    tone.stop(start + offset + 0.25);
    return new Promise((resolve) => tone.addEventListener('ended', resolve, {once: true}));
  });
  await Promise.all(ended);
  gain.disconnect();
}

/**
 * @param {{choosable: boolean, outputs: {label: string}[], played: boolean, state: string}} seen
 */
export function judgeSpeaker({choosable, outputs, played, state}) {
  const details = {choosable, outputs: outputs.map((o) => o.label), played, audioState: state};
  if (!played) {
    return warning(`The browser did not play the test sound (audio ${state}).`,
        'Click "Play test sound"; browsers play sound only after a click on the page.', details);
  }
  if (!choosable) {
    return warning('A test sound played on the system\'s default output: this browser does not let a page choose ' +
        'the output (no setSinkId).', 'If you heard nothing, turn the volume up or choose the output in the ' +
        'system\'s sound settings.', details);
  }
  const names = outputs.map((o) => o.label).filter(Boolean);
  return passed(`A test sound played on the default output; ${names.length ? `outputs: ${names.join(', ')}` :
    `${outputs.length} output${outputs.length === 1 ? '' : 's'} listed`}.`,
  'If you heard nothing, turn the volume up, or choose another output below and play the sound again.', details);
}

export const speakerStep = {
  id: 'speaker',
  title: 'Speaker',
  timeLimitMs: 10000,
  timeoutSays: 'the test sound did not finish playing',
  run: async (context) => {
    const choosable = canChooseOutput();
    const outputs = await audioOutputs();
    context.view.offerOutputs(choosable ? outputs : []);
    const played = Boolean(context.audio) && await resumeWithin(context.audio, 1000);
    if (played) await playTestSound(context.audio);
    return judgeSpeaker({choosable, outputs, played, state: context.audio?.state ?? 'missing'});
  },
};
