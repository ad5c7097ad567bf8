/**
 * The pre-join screen (`data-testid="prejoin"`): camera preview, microphone level, camera, microphone
 * and speaker choice, name, "join muted" and "camera off", then Join. DOM only; the work is done by the
 * {@link Prejoin} it is given.
 */
import {SPEAKING_LEVEL} from '../audio-level.js';

const screen = document.getElementById('prejoin');
const form = document.getElementById('prejoin-form');
const video = document.getElementById('prejoin-video');
const cameraState = document.getElementById('prejoin-camera-state');
const meter = document.getElementById('prejoin-level');
const meterText = document.getElementById('prejoin-level-text');
const problem = document.getElementById('prejoin-problem');
const nameInput = document.getElementById('name-input');
const joinButton = form.querySelector('button[type="submit"]');
const muted = document.getElementById('prejoin-muted');
const cameraOff = document.getElementById('prejoin-camera-off');
const deviceError = document.getElementById('prejoin-device-error');
const selects = {
  video: document.getElementById('prejoin-camera'),
  audio: document.getElementById('prejoin-microphone'),
  speaker: document.getElementById('prejoin-speaker'),
};
const LISTS = {video: 'videoinput', audio: 'audioinput', speaker: 'audiooutput'};
const NOUNS = {video: 'Camera', audio: 'Microphone', speaker: 'Speaker'};
const METER_INTERVAL_MS = 100;

/**
 * Shows the screen until Join: opens the preview, then resolves with the name once the person joins.
 * @param {import('../prejoin.js').Prejoin} prejoin
 * @param {{suggestion: string, accept: (name: string) => string|null}} name prefilled name, and the rule
 *     that returns the name to use or null to keep asking
 * @return {Promise<string>}
 */
export async function runPrejoin(prejoin, {suggestion, accept}) {
  screen.hidden = false;
  nameInput.value = suggestion;
  nameInput.focus();
  nameInput.addEventListener('input', () => nameInput.setCustomValidity(''));
  // Join is taken from the first moment, also while the camera is still opening: it joins once it is open.
  const joinPressed = new Promise((resolve) => {
    form.onsubmit = (event) => {
      event.preventDefault();
      const name = accept(nameInput.value);
      if (!name) {
        nameInput.setCustomValidity('1 to 40 characters, please');
        nameInput.reportValidity();
        return;
      }
      form.onsubmit = (again) => again.preventDefault();
      joinButton.disabled = true;
      joinButton.textContent = 'Joining…';
      resolve(name);
    };
  });
  await prejoin.start();
  showPreview(prejoin);
  await fillDevices(prejoin);
  const timer = setInterval(() => showLevel(prejoin.level()), METER_INTERVAL_MS);
  const onDeviceChange = () => fillDevices(prejoin);
  navigator.mediaDevices?.addEventListener('devicechange', onDeviceChange);

  for (const [kind, select] of Object.entries(selects)) {
    select.onchange = async () => {
      deviceError.hidden = true;
      try {
        await prejoin.useDevice(kind, select.value);
        showPreview(prejoin);
      } catch (error) {
        deviceError.textContent = `Could not switch to that ${NOUNS[kind].toLowerCase()}: ${error.message || error.name}`;
        deviceError.hidden = false;
      }
    };
  }
  muted.onchange = () => prejoin.setMuted(muted.checked);
  cameraOff.onchange = () => {
    prejoin.setCameraOff(cameraOff.checked);
    showPreview(prejoin);
  };

  const name = await joinPressed;
  clearInterval(timer);
  navigator.mediaDevices?.removeEventListener('devicechange', onDeviceChange);
  form.onsubmit = null;
  prejoin.finish();
  video.srcObject = null;
  screen.hidden = true;
  return name;
}

function showPreview({media}) {
  const hasVideo = Boolean(media.videoTrack);
  // A video element holding a stream without tracks delays the page's load event for good.
  video.srcObject = media.stream.getTracks().length ? media.stream : null;
  const shown = hasVideo && media.videoEnabled;
  video.hidden = !shown;
  cameraState.textContent = !hasVideo ? 'No camera' : shown ? '' : 'Camera is off';
  cameraState.hidden = shown;
  problem.hidden = !media.problem;
  problem.textContent = media.problem?.message.replace('rejoin', 'reload the page') ?? '';
  muted.disabled = !media.audioTrack;
  cameraOff.disabled = !hasVideo;
}

function showLevel(level) {
  meter.value = level;
  meterText.textContent = muted.checked ? 'muted' : level > SPEAKING_LEVEL ? 'sound' : 'quiet';
}

async function fillDevices(prejoin) {
  const devices = await prejoin.devices();
  for (const [kind, select] of Object.entries(selects)) {
    const list = devices[LISTS[kind]];
    const current = devices[kind];
    select.replaceChildren(...list.map((device, i) =>
      new Option(device.label || `${NOUNS[kind]} ${i + 1}`, device.deviceId, false, device.deviceId === current)));
    select.disabled = list.length === 0;
    if (!list.length) select.append(new Option(kind === 'speaker' ? 'System default' : `No ${NOUNS[kind].toLowerCase()} found`, ''));
  }
}
