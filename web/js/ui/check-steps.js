/**
 * The connection check's list of steps: one row per step with its state in words and colour, and the
 * live parts some steps show (camera preview, microphone level, speaker output). DOM only.
 */

const list = document.getElementById('check-steps');
const stepTemplate = document.getElementById('check-step-template');
const WAITING = 'waiting';

/** Extra content shown inside a step's row while and after it runs. */
const EXTRAS = {
  camera: 'check-camera-template',
  microphone: 'check-microphone-template',
  speaker: 'check-speaker-template',
};

/** @type {Map<string, HTMLLIElement>} */
const rows = new Map();

/** Lists the steps, none run yet. @param {{id: string, title: string}[]} steps */
export function listSteps(steps) {
  rows.clear();
  list.replaceChildren(...steps.map(({id, title}) => {
    const row = stepTemplate.content.firstElementChild.cloneNode(true);
    row.dataset.step = id;
    row.querySelector('.check-title').textContent = title;
    row.querySelector('.check-status').textContent = WAITING;
    rows.set(id, row);
    return row;
  }));
}

export function showRunning(id) {
  const row = rows.get(id);
  row.dataset.status = 'running';
  row.querySelector('.check-status').textContent = 'running';
  const extra = EXTRAS[id];
  if (extra) row.append(document.getElementById(extra).content.firstElementChild.cloneNode(true));
  row.scrollIntoView({block: 'nearest'});
}

/** @param {{id: string, status: string, found: string, advice: string}} result */
export function showResult({id, status, found, advice}) {
  const row = rows.get(id);
  row.dataset.status = status;
  row.querySelector('.check-status').textContent = status;
  row.querySelector('.check-found').textContent = found;
  const adviceLine = row.querySelector('.check-advice');
  adviceLine.textContent = advice;
  adviceLine.hidden = !advice;
  if (id === 'camera' && status === 'failed') row.querySelector('video')?.remove();
}

/**
 * What the steps may show while they run (the `view` of the steps' context).
 * @param {(deviceId: string) => Promise<void>} playSound plays the test sound on an output
 */
export function stepView(playSound) {
  return {
    showPreview(stream) {
      const video = rows.get('camera')?.querySelector('video');
      if (video) video.srcObject = stream;
    },
    listening(on) {
      const say = rows.get('microphone')?.querySelector('.check-say');
      if (say) say.hidden = !on;
    },
    showLevel(level) {
      const meter = rows.get('microphone')?.querySelector('meter');
      if (meter) meter.value = Math.min(1, level * 4);
    },
    /** @param {{deviceId: string, label: string}[]} outputs empty when the browser cannot choose one */
    offerOutputs(outputs) {
      const box = rows.get('speaker')?.querySelector('.check-speaker');
      if (!box) return;
      const select = box.querySelector('select');
      const options = outputs.length ? outputs : [{deviceId: '', label: 'System default output'}];
      select.replaceChildren(...options.map(({deviceId, label}, i) => new Option(label || `Output ${i + 1}`, deviceId)));
      select.disabled = outputs.length === 0;
      box.querySelector('button').onclick = () => playSound(select.value);
    },
  };
}

/** Replaces the live preview by its last frame, before the camera is stopped. */
export function freezePreview() {
  const video = rows.get('camera')?.querySelector('video');
  if (!video) return;
  if (!video.videoWidth) {
    video.remove();
    return;
  }
  const still = document.createElement('canvas');
  still.className = video.className;
  still.dataset.testid = video.dataset.testid;
  still.width = video.videoWidth;
  still.height = video.videoHeight;
  still.setAttribute('role', 'img');
  still.setAttribute('aria-label', 'The camera\'s last frame');
  still.getContext('2d').drawImage(video, 0, 0);
  video.srcObject = null;
  video.replaceWith(still);
}
