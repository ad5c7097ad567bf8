/**
 * Signaling messages (docs/protocol.md): builders for what the browser sends, a validating parser for
 * what the server sends. The type strings mirror the Java records in
 * server/src/main/java/org/webrtcscratch/signaling/.
 */

/** Types the client sends. */
const ClientType = Object.freeze({
  JOIN: 'join',
  SIGNAL: 'signal',
  LEAVE: 'leave',
  PING: 'ping',
  OBSERVE: 'observe',
  LOCK: 'lock',
  REFRESH_ICE_SERVERS: 'refresh-ice-servers',
});

/** Types the server sends. */
export const ServerType = Object.freeze({
  WELCOME: 'welcome',
  PEER_JOINED: 'peer-joined',
  PEER_LEFT: 'peer-left',
  SIGNAL: 'signal',
  PONG: 'pong',
  ERROR: 'error',
  CLOSING: 'closing',
  SERVER_EVENT: 'server-event',
  ROOM_STATE: 'room-state',
  ICE_SERVERS: 'ice-servers',
});

/** `room`: 1–64 characters from A–Z a–z 0–9 - _ (protocol.md, `join`). */
export const ROOM_MAX_LENGTH = 64;
const ROOM_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${ROOM_MAX_LENGTH}}$`);
export const NAME_MAX_LENGTH = 40;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
// The server's display name rules (Names.java): no format, bidi or separator characters but joiners between
// letters, not only spaces or marks, at most 4 marks on one character.
const FORMAT_CHARACTERS = /[\p{Zl}\p{Zp}\p{Cs}]|(?![\u200C\u200D])\p{Cf}/u;
const LONE_JOINER = /^[\u200C\u200D]|[\u200C\u200D]$|[\s\u200C\u200D][\u200C\u200D]|[\u200C\u200D]\s/u;
const DRAWS_NOTHING = /^[\s\p{Zs}\p{M}\u115F\u1160\u2800\u3164\uFFA0]*$/u;
const TOO_MANY_MARKS = /\p{M}{5,}/u;
const DESCRIPTION_TYPES = new Set(['offer', 'answer', 'pranswer', 'rollback']);

/** A server message that breaks docs/protocol.md; `where` names the message and field. */
export class ProtocolError extends Error {
  constructor(where, why) {
    super(`${where}: ${why}`);
    this.name = 'ProtocolError';
    this.where = where;
  }
}

export function isValidRoom(room) {
  return typeof room === 'string' && ROOM_PATTERN.test(room);
}

/**
 * The display name as the server will accept it: trimmed, 1–40 characters, no control characters.
 * @param {unknown} name
 * @return {string|null} the trimmed name, or null if the server would refuse it
 */
export function normalizeName(name) {
  if (typeof name !== 'string') return null;
  const trimmed = name.normalize('NFC').trim();
  const length = [...trimmed].length;
  if (length < 1 || length > NAME_MAX_LENGTH || CONTROL_CHARACTERS.test(trimmed)) return null;
  if (FORMAT_CHARACTERS.test(trimmed) || LONE_JOINER.test(trimmed) || DRAWS_NOTHING.test(trimmed) ||
      TOO_MANY_MARKS.test(trimmed)) return null;
  return trimmed;
}

/**
 * @param {{room: string, name: string, resume?: string, password?: string, token?: string, id?: string|number}}
 *     fields
 */
export function join({room, name, resume, password, token, id}) {
  const message = {type: ClientType.JOIN, room, name};
  if (resume) message.resume = resume;
  if (password) message.password = password;
  if (token) message.token = token;
  if (id !== undefined) message.id = id;
  return message;
}

/**
 * @param {string} to peer id in the sender's room
 * @param {{description?: RTCSessionDescriptionInit, candidate?: RTCIceCandidateInit|null}} payload
 */
export function signal(to, payload) {
  return {type: ClientType.SIGNAL, to, payload};
}

export function leave() {
  return {type: ClientType.LEAVE};
}

export function ping() {
  return {type: ClientType.PING};
}

/**
 * Starts or stops the server's `server-event`s about this peer (Behind the Scenes, docs/protocol.md).
 * @param {boolean} enabled
 */
export function observe(enabled) {
  return {type: ClientType.OBSERVE, enabled: enabled === true};
}

/** Asks for fresh ICE servers before the TURN credentials of the last ones expire (answered `ice-servers`). */
export function refreshIceServers() {
  return {type: ClientType.REFRESH_ICE_SERVERS};
}

/**
 * Locks the room to new joins, or unlocks it; only its host may (docs/protocol.md, `lock`).
 * @param {boolean} locked
 */
export function lock(locked) {
  return {type: ClientType.LOCK, locked: locked === true};
}

/**
 * Whether `payload` holds exactly one of `description` and `candidate`, each well formed.
 * @param {unknown} payload
 */
export function isSignalPayload(payload) {
  if (!isObject(payload)) return false;
  const hasDescription = 'description' in payload;
  const hasCandidate = 'candidate' in payload;
  if (hasDescription === hasCandidate) return false;
  if (hasDescription) {
    const {description} = payload;
    return isObject(description) && DESCRIPTION_TYPES.has(description.type) &&
        (typeof description.sdp === 'string' || (description.type === 'rollback' && description.sdp === undefined));
  }
  const {candidate} = payload;
  return candidate === null || (isObject(candidate) && typeof candidate.candidate === 'string');
}

/**
 * Parses and checks one text frame from the server.
 * @param {string} text
 * @return {object} the message, its fields checked against docs/protocol.md
 * @throws {ProtocolError} if the frame breaks the protocol
 */
export function parseServerMessage(text) {
  let message;
  try {
    message = JSON.parse(text);
  } catch (e) {
    throw new ProtocolError('frame', `not JSON (${e.message})`);
  }
  if (!isObject(message)) throw new ProtocolError('frame', 'not a JSON object');
  const check = CHECKS[message.type];
  if (!check) throw new ProtocolError('frame', `unknown type ${JSON.stringify(message.type)}`);
  check(message, new FieldChecker(message.type, message));
  return message;
}

const CHECKS = {
  [ServerType.WELCOME]: (message, field) => {
    field.string('peerId');
    field.string('room');
    field.string('name');
    field.array('peers').forEach((peer, i) => checkPeerInfo(peer, `peers[${i}]`, field));
    field.array('iceServers');
    field.optionalString('resumeToken');
    field.optionalBoolean('resumed');
    field.optionalBoolean('restored');
    field.optionalPositiveNumber('iceServersTtl');
  },
  [ServerType.ICE_SERVERS]: (message, field) => {
    field.array('iceServers');
    field.optionalPositiveNumber('iceServersTtl');
  },
  [ServerType.PEER_JOINED]: (message, field) => checkPeerInfo(message.peer, 'peer', field),
  [ServerType.PEER_LEFT]: (message, field) => {
    field.string('peerId');
    field.optionalString('reason');
  },
  [ServerType.SIGNAL]: (message, field) => {
    field.string('from');
    if (!isSignalPayload(message.payload)) {
      field.fail('payload', 'must hold exactly one of a well-formed description or candidate');
    }
  },
  [ServerType.PONG]: () => {},
  [ServerType.ERROR]: (message, field) => {
    field.string('code');
    field.string('message');
    field.optionalString('request');
  },
  [ServerType.CLOSING]: (message, field) => field.optionalString('reason'),
  [ServerType.ROOM_STATE]: (message, field) => {
    field.boolean('locked');
    field.string('host');
    field.boolean('password');
  },
  [ServerType.SERVER_EVENT]: (message, field) => {
    const {event} = message;
    if (!isObject(event)) field.fail('event', 'must be an object');
    if (typeof event.kind !== 'string' || event.kind === '') field.fail('event.kind', 'must be a non-empty string');
    if (typeof event.at !== 'number') field.fail('event.at', 'must be a number (epoch ms)');
  },
};

function checkPeerInfo(peer, path, field) {
  if (!isObject(peer)) field.fail(path, 'must be an object');
  if (typeof peer.peerId !== 'string' || peer.peerId === '') field.fail(`${path}.peerId`, 'must be a non-empty string');
  if (typeof peer.name !== 'string') field.fail(`${path}.name`, 'must be a string');
}

class FieldChecker {
  constructor(type, message) {
    this.type = type;
    this.message = message;
  }

  fail(path, why) {
    throw new ProtocolError(`${this.type}.${path}`, why);
  }

  string(key) {
    const value = this.message[key];
    if (typeof value !== 'string' || value === '') this.fail(key, 'must be a non-empty string');
    return value;
  }

  optionalString(key) {
    const value = this.message[key];
    if (value !== undefined && typeof value !== 'string') this.fail(key, 'must be a string when present');
  }

  boolean(key) {
    if (typeof this.message[key] !== 'boolean') this.fail(key, 'must be a boolean');
  }

  optionalBoolean(key) {
    const value = this.message[key];
    if (value !== undefined && typeof value !== 'boolean') this.fail(key, 'must be a boolean when present');
  }

  optionalPositiveNumber(key) {
    const value = this.message[key];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) this.fail(key, 'must be a positive number when present');
  }

  array(key) {
    const value = this.message[key];
    if (!Array.isArray(value)) this.fail(key, 'must be an array');
    return value;
  }
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
