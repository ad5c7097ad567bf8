/**
 * The file-transfer wire format (docs/protocol.md, "File transfer"): control messages are JSON text,
 * chunks are binary frames `index (u32, big-endian) | SHA-256 of the data (32 bytes) | data`. Pure:
 * values in, values or a {@link FileProtocolError} out.
 */
import {FILE_LIMITS, TRANSFER_ID} from './limits.js';

/** Label and sub-protocol of a transfer's data channel (one channel per transfer). */
export const FILE_CHANNEL = Object.freeze({label: 'file', protocol: 'scratch-file/1'});

export const HASH_LENGTH = 32;
export const CHUNK_HEADER_LENGTH = 4 + HASH_LENGTH;

/** Why a transfer stopped, as sent in `cancel` and `error` and shown to the person. */
export const Reason = Object.freeze({
  CANCELLED: 'cancelled',
  DECLINED: 'declined',
  BUSY: 'busy',
  HASH_MISMATCH: 'hash-mismatch',
  INVALID: 'invalid-message',
  TOO_LARGE: 'too-large',
  NAME_TOO_LONG: 'name-too-long',
  READ_FAILED: 'read-failed',
  WRITE_FAILED: 'write-failed',
  CONNECTION_LOST: 'connection-lost',
  PEER_LEFT: 'peer-left',
});

/** A message that breaks the protocol; `reason` is one of {@link Reason}. */
export class FileProtocolError extends Error {
  constructor(reason, message) {
    super(message);
    this.name = 'FileProtocolError';
    this.reason = reason;
  }
}

/** Number of chunks a file of `size` bytes takes. */
export function chunkCount(size, chunkSize) {
  return Math.ceil(size / chunkSize);
}

/** Bytes of data in chunk `index` of a file of `size` bytes. */
export function chunkLength(index, size, chunkSize) {
  return Math.min(chunkSize, size - index * chunkSize);
}

/**
 * The offer for `file`, the channel's first message. The name is cut to the limit here; a receiver
 * refuses a longer one.
 * @param {{id: string, name: string, size: number, type?: string}} file
 */
export function offerMessage({id, name, size, type = ''}, chunkSize = FILE_LIMITS.chunkSize) {
  return {
    type: 'offer', id, name: [...name].slice(0, FILE_LIMITS.maxNameLength).join(''), size,
    mime: type.length <= FILE_LIMITS.maxTypeLength ? type : '', chunkSize,
  };
}

export function encodeControl(message) {
  return JSON.stringify(message);
}

const REASONS = new Set(Object.values(Reason));
const isCount = (value) => Number.isSafeInteger(value) && value >= 0;
const MIME = /^[\w.+-]+\/[\w.+-]+$/;

/**
 * Reads a control message. Unknown fields are ignored; anything malformed throws.
 * @param {unknown} text the channel's string message
 * @param {typeof FILE_LIMITS} [limits]
 * @return {object} the message, with only the fields of its type
 */
export function parseControl(text, limits = FILE_LIMITS) {
  if (typeof text !== 'string') throw invalid('a control message must be text');
  if (text.length > limits.maxControlMessageLength) throw invalid(`control message over ${limits.maxControlMessageLength} characters`);
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('control message is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('control message is not an object');
  switch (value.type) {
    case 'offer':
      return parseOffer(value, limits);
    case 'accept':
    case 'ack':
      if (!isCount(value.next)) throw invalid(`${value.type} needs a chunk index "next"`);
      return {type: value.type, next: value.next};
    case 'end':
      if (typeof value.root !== 'string' || !/^[0-9a-f]{64}$/.test(value.root)) throw invalid('end needs a hex SHA-256 "root"');
      return {type: 'end', root: value.root};
    case 'pause':
    case 'resume':
    case 'done':
      return {type: value.type};
    case 'decline':
    case 'cancel':
    case 'error':
      return {type: value.type, reason: REASONS.has(value.reason) ? value.reason : Reason.CANCELLED};
    default:
      throw invalid(`unknown control message type ${JSON.stringify(String(value.type).slice(0, 40))}`);
  }
}

function parseOffer({id, name, size, mime, chunkSize}, limits) {
  if (typeof id !== 'string' || !TRANSFER_ID.test(id)) throw invalid('offer id must be 1 to 64 letters, digits, - or _');
  if (typeof name !== 'string' || !name.trim()) throw invalid('offer needs a file name');
  if ([...name].length > limits.maxNameLength) {
    throw new FileProtocolError(Reason.NAME_TOO_LONG, `file name over ${limits.maxNameLength} characters`);
  }
  if (!isCount(size)) throw invalid('offer size must be a whole number of bytes');
  if (size > limits.maxFileSize) throw new FileProtocolError(Reason.TOO_LARGE, `file over ${limits.maxFileSize} bytes`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < limits.minChunkSize || chunkSize > limits.maxChunkSize) {
    throw invalid(`chunk size must be ${limits.minChunkSize} to ${limits.maxChunkSize} bytes`);
  }
  if (chunkCount(size, chunkSize) > 0xffffffff) throw new FileProtocolError(Reason.TOO_LARGE, 'more chunks than a u32 counts');
  const type = typeof mime === 'string' && mime.length <= limits.maxTypeLength && MIME.test(mime) ? mime : '';
  // Control characters have no place in a name (they could fake a line in the UI or a path), nor bidi
  // controls, which show "photo\u202Egnp.exe" as "photoexe.png".
  return {type: 'offer', id, name: name.replace(/[\u0000-\u001f\u007f\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '_'), size,
    mime: type, chunkSize};
}

/** Builds a chunk frame: the index, the data's SHA-256 (already computed) and the data. */
export function encodeChunk(index, hash, data) {
  const frame = new Uint8Array(CHUNK_HEADER_LENGTH + data.byteLength);
  new DataView(frame.buffer).setUint32(0, index);
  frame.set(new Uint8Array(hash), 4);
  frame.set(new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength), CHUNK_HEADER_LENGTH);
  return frame.buffer;
}

/**
 * Reads a chunk frame (without checking its hash, which is async: see hashing.js).
 * @param {ArrayBuffer} frame
 * @return {{index: number, hash: Uint8Array, data: Uint8Array}}
 */
export function decodeChunk(frame) {
  if (!(frame instanceof ArrayBuffer)) throw invalid('a chunk must be binary');
  if (frame.byteLength < CHUNK_HEADER_LENGTH) throw invalid('chunk shorter than its header');
  return {
    index: new DataView(frame).getUint32(0),
    hash: new Uint8Array(frame, 4, HASH_LENGTH),
    data: new Uint8Array(frame, CHUNK_HEADER_LENGTH),
  };
}

function invalid(message) {
  return new FileProtocolError(Reason.INVALID, message);
}
