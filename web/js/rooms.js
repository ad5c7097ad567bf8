/**
 * Room names and links: readable random names, typed names made safe for the server's rule
 * (`[A-Za-z0-9_-]{1,64}`, docs/protocol.md), and the call page address.
 */

import {ROOM_MAX_LENGTH} from './protocol.js';

const ADJECTIVES = [
  'quiet', 'brave', 'calm', 'clever', 'eager', 'gentle', 'happy', 'jolly', 'kind', 'lively',
  'lucky', 'merry', 'nimble', 'proud', 'rapid', 'silly', 'sunny', 'swift', 'witty', 'zesty',
];
const ANIMALS = [
  'otter', 'badger', 'beaver', 'bison', 'crane', 'falcon', 'ferret', 'gecko', 'heron', 'koala',
  'lemur', 'lynx', 'marmot', 'moose', 'panda', 'puffin', 'quokka', 'raven', 'tapir', 'walrus',
];

/** RFC 4648 base32 in lower case: survives {@link slugifyRoom} and being typed in any case. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** Random characters of a private room name: 20 × 5 = 100 bits, past the 96 of docs/security.md. */
const PRIVATE_CHARACTERS = 20;
const PRIVATE_PATTERN = new RegExp(`-[${BASE32}]{${PRIVATE_CHARACTERS}}$`);

/**
 * A private room name like `quiet-otter-k3x7q2m6z4r5t6w5y2ab`: a readable label, then 100 bits from
 * crypto.getRandomValues, so that nobody finds the room by trying names (docs/security.md).
 * @param {(bytes: Uint8Array) => Uint8Array} [fill] the random source
 */
export function privateRoomName(fill = (bytes) => crypto.getRandomValues(bytes)) {
  const bytes = fill(new Uint8Array(PRIVATE_CHARACTERS));
  const label = randomRoomName().replace(/-\d+$/, '');
  return `${label}-${[...bytes].map((b) => BASE32[b & 31]).join('')}`;
}

/** Whether `room` carries the random part of {@link privateRoomName} (a typed name can be guessed). */
export function isPrivateRoomName(room) {
  return PRIVATE_PATTERN.test(room);
}

/**
 * A readable name like `quiet-otter-17`: one of 36,000, so anyone can find it by trying them. Only a label
 * now; {@link privateRoomName} makes the room names.
 * @param {() => number} [random] uniform in [0, 1)
 */
export function randomRoomName(random = Math.random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  return `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${10 + Math.floor(random() * 90)}`;
}

/**
 * Turns what someone typed into a room name: lower case, accents dropped, every run of other
 * characters made one `-`, no `-` at the ends, at most 64 characters.
 * @param {string} text
 * @return {string} the room name, '' if nothing usable is left
 */
export function slugifyRoom(text) {
  return String(text)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, ROOM_MAX_LENGTH)
      .replace(/-+$/, '');
}

/**
 * The address of the call page for `room`, with the display name when there is one.
 * @param {string} origin e.g. location.origin
 * @param {string} room
 * @param {string} [name]
 */
export function callUrl(origin, room, name) {
  const url = new URL(`/r/${encodeURIComponent(room)}`, origin);
  if (name) url.searchParams.set('name', name);
  return url.href;
}

/**
 * The room named by a call page path `/r/{room}`, or null.
 * @param {string} pathname
 */
export function roomFromPath(pathname) {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
