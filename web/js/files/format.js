/**
 * How a transfer is told in words: sizes, speeds, time left and why it ended. Pure.
 */
import {Reason} from './messages.js';
import {TransferState} from './transfer.js';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** `1536000` → `1.5 MB` (decimal units, as file managers show sizes). */
export function formatBytes(bytes) {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 || value >= 100 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}

/** Seconds left as `45 s`, `3 min 20 s`, `2 h 5 min`; null (unknown) as `…`. */
export function formatDuration(seconds) {
  if (seconds === null || !Number.isFinite(seconds)) return '…';
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

const REASONS = {
  [Reason.CANCELLED]: 'cancelled',
  [Reason.DECLINED]: 'declined',
  [Reason.BUSY]: 'too many transfers at once on the other side',
  [Reason.HASH_MISMATCH]: 'the data does not match its SHA-256: the file is damaged and was not kept',
  [Reason.INVALID]: 'the other side broke the file-transfer protocol',
  [Reason.TOO_LARGE]: 'the file is too large',
  [Reason.NAME_TOO_LONG]: 'the file name is too long',
  [Reason.READ_FAILED]: 'the file could not be read',
  [Reason.WRITE_FAILED]: 'the file could not be written',
  [Reason.CONNECTION_LOST]: 'the connection was lost',
  [Reason.PEER_LEFT]: 'the other person left the call',
};

/**
 * One line saying where a transfer stands.
 * @param {import('./transfer.js').Transfer} transfer
 */
export function describe(transfer) {
  const {state, direction, peerName, progress, reason, paused} = transfer;
  const percent = `${Math.floor(progress.fraction * 100)} %`;
  switch (state) {
    case TransferState.OFFERED:
      return direction === 'out' ? `Waiting for ${peerName} to accept` : `${peerName} offers this file`;
    case TransferState.TRANSFERRING:
      return `${direction === 'out' ? 'Sending' : 'Receiving'}: ${percent} · ${formatBytes(progress.bytesPerSecond)}/s · `
          + `${formatDuration(progress.secondsLeft)} left`;
    case TransferState.PAUSED:
      return `Paused by ${paused ? 'you' : peerName}: ${percent}`;
    case TransferState.VERIFYING:
      return `Checking SHA-256: ${percent}`;
    case TransferState.DONE:
      return direction === 'out' ? `Sent: ${percent}, SHA-256 checked by ${peerName}` : `Received: ${percent}, SHA-256 checked`;
    case TransferState.DECLINED:
      return reason === Reason.BUSY ? `Not sent: ${REASONS[reason]}` : `Declined`;
    case TransferState.CANCELLED:
      return 'Cancelled';
    default:
      return `Failed: ${REASONS[reason] ?? reason}`;
  }
}
