/**
 * The control bar, the device dialog and the signaling status. DOM only: each control calls the
 * handler it was given and shows the state it is told.
 */

const muteButton = document.getElementById('mute');
const cameraButton = document.getElementById('camera');
const devicesButton = document.getElementById('devices');
const leaveButton = document.getElementById('leave');
const copyLinkButton = document.getElementById('copy-link');
const devicesDialog = document.getElementById('devices-dialog');
const videoSelect = document.getElementById('video-device');
const audioSelect = document.getElementById('audio-device');
const speakerSelect = document.getElementById('audio-output');
const devicesError = document.getElementById('devices-error');
const signalingState = document.getElementById('signaling-state');
const reconnectBanner = document.getElementById('reconnect-banner');

/**
 * @param {object} handlers
 * @param {(muted: boolean) => void} handlers.onMute
 * @param {(off: boolean) => void} handlers.onCamera
 * @param {() => void} handlers.onLeave
 * @param {() => Promise<void>} handlers.onCopyLink
 * @param {() => Promise<{audioinput: MediaDeviceInfo[], videoinput: MediaDeviceInfo[], audio: string, video: string}>} handlers.listDevices
 * @param {(kind: 'audio'|'video'|'speaker', deviceId: string) => Promise<void>} handlers.onDevice
 */
export function bindControls({onMute, onCamera, onLeave, onCopyLink, listDevices, onDevice}) {
  muteButton.addEventListener('click', () => onMute(!isPressed(muteButton)));
  cameraButton.addEventListener('click', () => onCamera(!isPressed(cameraButton)));
  leaveButton.addEventListener('click', onLeave);
  copyLinkButton.addEventListener('click', async () => {
    await onCopyLink();
    flashLabel(copyLinkButton, 'Copied');
  });
  devicesButton.addEventListener('click', async () => {
    devicesError.hidden = true;
    fillDeviceSelects(await listDevices());
    devicesDialog.showModal();
  });
  // A device plugged in or out while the dialog is open shows up in (or goes from) its lists at once.
  navigator.mediaDevices?.addEventListener('devicechange', async () => {
    if (devicesDialog.open) fillDeviceSelects(await listDevices());
  });
  for (const [select, kind] of [[videoSelect, 'video'], [audioSelect, 'audio'], [speakerSelect, 'speaker']]) {
    select.addEventListener('change', async () => {
      try {
        await onDevice(kind, select.value);
      } catch (error) {
        devicesError.textContent = `Could not switch: ${error.message || error.name}`;
        devicesError.hidden = false;
      }
    });
  }
}

export function showMuted(muted) {
  setPressed(muteButton, muted, muted ? 'Unmute microphone' : 'Mute microphone');
}

export function showCameraOff(off) {
  setPressed(cameraButton, off, off ? 'Turn camera on' : 'Turn camera off');
}

/** Disables the toggles of the devices this page does not have. */
export function showAvailable({audio, video}) {
  muteButton.disabled = !audio;
  cameraButton.disabled = !video;
}

/** @param {string} state a {@link SignalingState} value, shown as-is */
export function showSignalingState(state) {
  signalingState.dataset.state = state;
  signalingState.textContent = state;
  reconnectBanner.hidden = state !== 'reconnecting';
}

function fillDeviceSelects({audioinput, videoinput, audiooutput = [], audio, video, speaker = ''}) {
  for (const [select, devices, current, noun] of [
    [videoSelect, videoinput, video, 'Camera'],
    [audioSelect, audioinput, audio, 'Microphone'],
    [speakerSelect, audiooutput, speaker, 'Speaker'],
  ]) {
    select.replaceChildren(...devices.map((device, i) =>
      new Option(device.label || `${noun} ${i + 1}`, device.deviceId, false, device.deviceId === current)));
    select.disabled = devices.length === 0;
    if (!devices.length) select.append(new Option(noun === 'Speaker' ? 'System default' : `No ${noun.toLowerCase()} found`, ''));
  }
}

function isPressed(button) {
  return button.getAttribute('aria-pressed') === 'true';
}

function setPressed(button, pressed, label) {
  button.setAttribute('aria-pressed', String(pressed));
  button.setAttribute('aria-label', label);
  button.title = label;
}

function flashLabel(button, text) {
  const label = button.querySelector('.label');
  label.dataset.text ??= label.textContent;
  label.textContent = text;
  clearTimeout(Number(label.dataset.timer));
  label.dataset.timer = String(setTimeout(() => {
    label.textContent = label.dataset.text;
  }, 1500));
}
