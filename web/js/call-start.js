/**
 * The call page's first module, loaded on its own (`async`) ahead of the UI modules: when the address
 * names a valid room and a display name, it starts the call at once, so that the camera, the signaling
 * connection and the first offer get going while the rest of the page is still loading. main.js takes
 * the call over, with every event it missed (see {@link HeldEvents}).
 */
import {CALL_EVENTS, Call} from './call.js';
import {HeldEvents} from './held-events.js';
import {LocalMedia} from './media.js';
import {isValidRoom, normalizeName} from './protocol.js';
import {roomFromPath} from './rooms.js';
import {discardEarlySocket} from './signaling.js';

/** The room this page is for, or null when the address names none. */
export const room = roomFromPath(location.pathname);

/**
 * The call this page started as it loaded, or null when the room is invalid or the name is missing
 * (then main.js explains or asks, and calls {@link startCall} itself).
 * @type {{call: Call, events: HeldEvents}|null}
 */
export const startedCall = startIfNamed();

function startIfNamed() {
  const name = normalizeName(new URLSearchParams(location.search).get('name'));
  if (isValidRoom(room) && name) return startCall(room, name);
  discardEarlySocket();
  return null;
}

/**
 * Joins `room` as `name`: camera, microphone and signaling at once.
 * @return {{call: Call, events: HeldEvents}}
 */
export function startCall(room, name) {
  const signalingUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
  const call = new Call({room, name, signalingUrl, media: new LocalMedia()});
  // All of them, not only those the UI shows: a recorder released with the UI gets the whole call.
  const events = new HeldEvents(call, CALL_EVENTS);
  // Tell the others at once rather than after the server's resume window.
  window.addEventListener('pagehide', () => call.leave());
  call.join();
  return {call, events};
}
