/**
 * Step 3: the microphone: a live level meter (an AnalyserNode on the captured track) and a warning when
 * the level stays flat, as it does for a muted or wrong microphone.
 */
import {AudioLevelMeter} from '../audio-level.js';
import {resumeWithin} from './audio.js';
import {mediaFailure} from './media-errors.js';
import {passed, warning} from './report.js';

const LISTEN_MS = 4000;
const SAMPLE_MS = 50;
/** RMS of full scale: 0.01 is -40 dBFS, quieter than a quiet room picked up by a working microphone. */
const SILENT = 0.01;
/** A level that moves less than this never changed: a muted input, or a constant hum. */
const STILL = 0.003;

/**
 * @param {string} label the microphone's name
 * @param {number[]} levels RMS levels sampled while listening
 */
export function judgeMicrophone(label, levels) {
  const peak = Math.max(0, ...levels);
  const low = Math.min(...levels);
  const details = {label, peakLevel: round(peak), lowestLevel: round(low), samples: levels.length};
  const decibels = peak > 0 ? `${Math.round(20 * Math.log10(peak))} dBFS` : 'silence';
  if (peak < SILENT || peak - low < STILL) {
    return warning(`The microphone "${label}" works, but its level stayed flat (peak ${decibels}) for ` +
        `${LISTEN_MS / 1000} s.`, 'Unmute it (a key, a switch on a headset, the system\'s input volume) or choose ' +
        'another microphone in the system settings, then run the check again and say something.', details);
  }
  return passed(`The microphone "${label}" picks up sound: peak ${decibels}.`, '', details);
}

function round(level) {
  return Math.round(level * 10000) / 10000;
}

export const microphoneStep = {
  id: 'microphone',
  title: 'Microphone',
  timeLimitMs: 30000,
  timeoutSays: 'the microphone did not start; was the browser\'s permission prompt answered?',
  timeoutAdvice: 'Allow the microphone in the prompt (or in the address bar), then run the check again.',
  run: async (context, signal) => {
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) return mediaFailure('microphone', null);
    let stream;
    try {
      stream = await devices.getUserMedia({audio: true});
    } catch (error) {
      return mediaFailure('microphone', error);
    }
    context.keep(stream);
    const [track] = stream.getAudioTracks();
    const audio = context.audio;
    if (!audio || !await resumeWithin(audio, 1000)) {
      return warning(`The microphone "${track.label}" started, but the browser would not run audio for this page, ` +
          'so its level could not be measured.', 'Run the check again with a click on "Start the check".',
      {label: track.label});
    }
    const meter = new AudioLevelMeter(track, audio);
    const levels = [];
    context.view.listening(true);
    try {
      const end = performance.now() + LISTEN_MS;
      while (performance.now() < end && !signal.aborted) {
        const level = meter.rms();
        levels.push(level);
        context.view.showLevel(level);
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    } finally {
      meter.close();
      context.view.listening(false);
    }
    return judgeMicrophone(track.label, levels);
  },
};
