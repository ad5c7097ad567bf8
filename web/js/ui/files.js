/**
 * The files panel: the file picker and drop onto the call, the choice of who gets the files, and one
 * row per transfer (`data-testid="file-transfer"`) with its name, size, the other person, a progress
 * bar, the state in words and its buttons. DOM only; the transfers are files/transfers.js's.
 */
import {formatBytes, describe} from '../files/format.js';
import {BlobSink, DiskSink} from '../files/sinks.js';
import {TooManyTransfersError} from '../files/transfers.js';
import {TransferState} from '../files/transfer.js';

const panel = document.getElementById('files-panel');
const toggleButton = document.getElementById('files-toggle');
const closeButton = document.getElementById('files-close');
const waitingBadge = document.getElementById('files-waiting');
const target = document.getElementById('file-target');
const input = document.getElementById('file-input');
const error = document.getElementById('files-error');
const list = document.getElementById('transfers');
const dropZone = document.body;

/** How often a row's progress is redrawn at most (an `ack` comes with every MiB). */
const REDRAW_MS = 200;

/** The object URL of each received file kept as a Blob, for its Save link. */
const savedUrls = new WeakMap();

/**
 * @param {import('../files/transfers.js').FileTransfers} transfers
 */
export function bindFiles(transfers) {
  toggleButton.addEventListener('click', () => setOpen(panel.hidden));
  closeButton.addEventListener('click', () => setOpen(false));
  input.addEventListener('change', () => {
    send(transfers, [...input.files]);
    input.value = '';
  });
  dropZone.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files') || toggleButton.closest('[hidden]')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('file-drop');
  });
  dropZone.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) dropZone.classList.remove('file-drop');
  });
  dropZone.addEventListener('drop', (event) => {
    dropZone.classList.remove('file-drop');
    if (!event.dataTransfer?.files.length || toggleButton.closest('[hidden]')) return;
    event.preventDefault();
    setOpen(true);
    send(transfers, [...event.dataTransfer.files]);
  });
  transfers.addEventListener('transfer', ({detail: {transfer}}) => showTransfer(transfer));
}

/** Adds `peerId` to the choice of who gets the files. */
export function addPeer(peerId, name) {
  const option = document.createElement('option');
  option.value = peerId;
  option.textContent = name;
  target.append(option);
}

export function removePeer(peerId) {
  [...target.options].find((option) => option.value === peerId)?.remove();
}

function send(transfers, files) {
  error.hidden = true;
  if (!files.length) return;
  const peerIds = target.value ? [target.value] : transfers.peerIds;
  if (!peerIds.length) return showError('Nobody else is in the call yet.');
  try {
    transfers.send(files, peerIds);
  } catch (failure) {
    if (!(failure instanceof TooManyTransfersError)) throw failure;
    showError(`Not sent: ${failure.message}. Wait for one to finish, or cancel one.`);
  }
  return undefined;
}

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

/** @param {import('../files/transfer.js').Transfer} transfer */
function showTransfer(transfer) {
  const row = document.createElement('li');
  row.className = 'transfer';
  row.dataset.testid = 'file-transfer';
  row.dataset.transferId = transfer.id;
  row.dataset.direction = transfer.direction;
  row.dataset.peerId = transfer.peerId;
  const name = document.createElement('p');
  name.className = 'transfer-name';
  name.textContent = transfer.name; // text, never markup: the name comes from the other side
  const meta = document.createElement('p');
  meta.className = 'transfer-meta';
  meta.textContent = `${formatBytes(transfer.size)} · ${transfer.direction === 'out' ? 'to' : 'from'} ${transfer.peerName}`;
  const bar = document.createElement('progress');
  bar.max = 1;
  bar.dataset.testid = 'file-progress';
  bar.setAttribute('aria-label', `Progress of ${transfer.name}`);
  const status = document.createElement('p');
  status.className = 'transfer-status';
  const actions = document.createElement('div');
  actions.className = 'transfer-actions';
  row.append(name, meta, bar, status, actions);
  list.prepend(row);

  let redraw = null;
  const draw = () => {
    redraw = null;
    row.dataset.state = transfer.state;
    if (transfer.reason) row.dataset.reason = transfer.reason;
    bar.value = transfer.progress.fraction;
    bar.textContent = `${Math.floor(transfer.progress.fraction * 100)} %`;
    status.textContent = describe(transfer);
    showActions(actions, transfer, row);
    updateWaiting();
  };
  transfer.addEventListener('change', () => {
    // Progress is redrawn a few times a second; a change of state at once.
    if (row.dataset.state !== transfer.state || transfer.isFinal) {
      clearTimeout(redraw);
      draw();
    } else if (!redraw) {
      redraw = setTimeout(draw, REDRAW_MS);
    }
  });
  draw();
  if (transfer.direction === 'in') setOpen(true);
}

function showActions(actions, transfer, row) {
  const wanted = [];
  const {state, direction, name} = transfer;
  if (state === TransferState.OFFERED && direction === 'in') {
    wanted.push(['accept', 'Accept', () => accept(transfer)], ['decline', 'Decline', () => transfer.decline()]);
  }
  if (state === TransferState.TRANSFERRING && !transfer.paused) wanted.push(['pause', 'Pause', () => transfer.pause()]);
  if (transfer.paused && !transfer.isFinal) wanted.push(['resume', 'Resume', () => transfer.resume()]);
  if (!transfer.isFinal && !(state === TransferState.OFFERED && direction === 'in')) {
    wanted.push(['cancel', 'Cancel', () => transfer.cancel()]);
  }
  if (transfer.isFinal) {
    if (savedUrls.has(transfer)) wanted.push(['save', 'Save', null]);
    wanted.push(['dismiss', 'Dismiss', () => {
      if (savedUrls.has(transfer)) URL.revokeObjectURL(savedUrls.get(transfer));
      row.remove();
      updateWaiting();
    }]);
  }
  const key = wanted.map(([action]) => action).join();
  if (actions.dataset.key === key) return;
  actions.dataset.key = key;
  actions.replaceChildren(...wanted.map(([action, label, onClick]) => {
    const control = onClick ? document.createElement('button') : document.createElement('a');
    control.className = action === 'accept' ? 'button primary small' : 'button small';
    control.dataset.action = action;
    control.textContent = label;
    control.setAttribute('aria-label', `${label} ${name}`);
    if (onClick) {
      control.type = 'button';
      control.addEventListener('click', onClick);
    } else {
      control.href = savedUrls.get(transfer);
      control.download = name;
    }
    return control;
  }));
}

/**
 * Accepting is the click the File System Access API needs for its save dialog: where there is one the
 * file goes straight to disk as it comes; elsewhere it is kept as Blobs and downloaded at the end.
 */
async function accept(transfer) {
  if (typeof window.showSaveFilePicker === 'function') {
    let writable;
    try {
      const handle = await window.showSaveFilePicker({suggestedName: transfer.name});
      writable = await handle.createWritable();
    } catch (failure) {
      if (failure.name === 'AbortError') return; // the person closed the dialog: the offer stays
      console.warn('save dialog failed, keeping the file in memory:', failure);
    }
    if (writable) {
      transfer.accept(new DiskSink(writable));
      return;
    }
  }
  transfer.accept(new BlobSink(transfer.mime, (blob) => download(transfer, blob)));
}

function download(transfer, blob) {
  savedUrls.set(transfer, URL.createObjectURL(blob));
  const link = document.createElement('a');
  link.href = savedUrls.get(transfer);
  link.download = transfer.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

function setOpen(open) {
  panel.hidden = !open;
  toggleButton.setAttribute('aria-expanded', String(open));
}

/** The badge on the Files button counts offers waiting for an answer. */
function updateWaiting() {
  const waiting = list.querySelectorAll(`[data-direction="in"][data-state="${TransferState.OFFERED}"]`).length;
  waitingBadge.hidden = waiting === 0;
  waitingBadge.textContent = String(waiting);
}
