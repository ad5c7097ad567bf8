/**
 * The /trace page's DOM: the file picker and the drop zone, the replay slider, and the Behind the Scenes
 * view showing the loaded trace up to the slider's moment.
 */
import {since} from './bts/dom.js';
import {BehindTheScenesView} from './bts/view.js';

const fileInput = document.getElementById('trace-file');
const dropZone = document.getElementById('trace-drop');
const error = document.getElementById('trace-error');
const replay = document.getElementById('trace-replay');
const slider = document.getElementById('trace-time');
const shown = document.getElementById('trace-time-shown');
const summary = document.getElementById('trace-summary');
const viewRoot = document.getElementById('trace-view');

let view = null;

/** @param {(file: File) => void} onFile called with the file picked or dropped */
export function bindFileOpening(onFile) {
  fileInput.addEventListener('change', () => {
    if (fileInput.files[0]) onFile(fileInput.files[0]);
  });
  dropZone.addEventListener('dragover', (event) => {
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));
  dropZone.addEventListener('drop', (event) => {
    event.preventDefault();
    dropZone.classList.remove('dragging');
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  });
}

export function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

/**
 * Shows a loaded trace with its replay slider at the end.
 * @param {object} trace
 * @param {number[]} times the moments the slider steps through
 * @param {(at: number) => object} upTo the trace as it stood at a moment
 */
export function showTrace(trace, times, upTo) {
  error.hidden = true;
  viewRoot.hidden = false;
  view ??= new BehindTheScenesView(document.getElementById('trace-view-body'));
  summary.textContent = `${trace.source === 'webrtc-internals' ? 'webrtc-internals dump' : 'Trace'}: `
    + `${trace.peers.length} peer connection(s), ${trace.events.length} events, `
    + `${Object.values(trace.stats ?? {}).reduce((n, s) => n + s.length, 0)} stats samples.`;
  summary.dataset.peers = String(trace.peers.length);
  summary.dataset.events = String(trace.events.length);
  replay.hidden = times.length === 0;
  slider.max = String(Math.max(0, times.length - 1));
  slider.value = slider.max;
  const step = () => {
    const at = times[Number(slider.value)];
    const partial = Number(slider.value) === times.length - 1 ? trace : upTo(at);
    shown.textContent = `${since(trace, at)} (step ${Number(slider.value) + 1} of ${times.length})`;
    view.show(partial);
  };
  slider.oninput = step;
  if (times.length) step();
  else view.show(trace);
}
