/**
 * The call page's first module, loaded on its own (`async`) ahead of the UI modules: when the address
 * names a valid room and a display name and asks to skip the pre-join screen (`?skipPrejoin=1`, for
 * tests and kiosks), it starts the call at once, so that the camera, the signaling
 * connection and the first offer get going while the rest of the page is still loading. main.js takes
 * the call over, with every event it missed (see {@link HeldEvents}).
 */
import {CALL_EVENTS, Call} from './call.js';
import {HeldEvents} from './held-events.js';
import {LocalMedia} from './media.js';
import {isValidRoom, normalizeName} from './protocol.js';
import {rememberedPassword} from './room-password.js';
import {roomFromPath} from './rooms.js';
import {discardEarlySocket} from './signaling.js';

/** The room this page is for, or null when the address names none. */
export const room = roomFromPath(location.pathname);

/**
 * The call this page started as it loaded, or null when the room is invalid, the name missing or the
 * pre-join screen not skipped (then main.js explains or shows that screen, and calls {@link startCall}).
 * @type {{call: Call, events: HeldEvents}|null}
 */
export const startedCall = startIfNamed();

function startIfNamed() {
  const params = new URLSearchParams(location.search);
  const name = normalizeName(params.get('name'));
  if (isValidRoom(room) && name && skipsPrejoin(params)) return startCall(room, name);
  discardEarlySocket();
  return null;
}

/** `?skipPrejoin=1` (or `true`): join at once, without the pre-join screen. */
export function skipsPrejoin(params) {
  return ['1', 'true'].includes(params.get('skipPrejoin'));
}

/**
 * Joins `room` as `name`: camera, microphone and signaling at once.
 * @param {LocalMedia} [media] already opened by the pre-join screen, or a fresh one
 * @return {{call: Call, events: HeldEvents}}
 */
export function startCall(room, name, media = new LocalMedia()) {
  const signalingUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
  // A join token comes in the fragment (#token=…), which no server log, Referer or history sync sees.
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
  const call = new Call({room, name, signalingUrl, media, password: rememberedPassword(room), token});
  // All of them, not only those the UI shows: a recorder released with the UI gets the whole call.
  const events = new HeldEvents(call, CALL_EVENTS);
  // Tell the others at once rather than after the server's resume window.
  window.addEventListener('pagehide', () => call.leave());
  call.join();
  return {call, events};
}
