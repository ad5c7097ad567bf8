/**
 * What each participant shows the others besides media: microphone muted, camera off, which of its
 * streams is a screen share, and a raised hand. Sent peer to peer on the chat data channel as a small JSON frame
 * (docs/protocol.md, "Data channel messages"): to each peer when its channel opens, and to everyone at
 * each change. It carries no name: names come from signaling only. No DOM.
 */

export const PRESENCE_TYPE = 'presence';
/** Longest stream id accepted (Chromium's are 36-character UUIDs). */
const MAX_STREAM_ID_LENGTH = 64;

/**
 * @typedef {{muted: boolean, cameraOff: boolean, screen: string|null, hand: number|null}} PresenceState
 * `screen`: the id of the MediaStream that carries the screen share (its msid), or null. `hand`: when the
 * hand was raised (ms since the epoch, the sender's clock), or null; a frame without it has none raised.
 */

/** @param {PresenceState} state @return {string} the frame for the data channel */
export function encodePresence({muted, cameraOff, screen, hand = null}) {
  return JSON.stringify({type: PRESENCE_TYPE, muted, cameraOff, screen, hand});
}

/**
 * @param {unknown} data a frame from a peer's channel
 * @return {PresenceState|null} null for anything that is not a well-formed presence frame
 */
export function decodePresence(data) {
  if (typeof data !== 'string' || data.length > 1024) return null;
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (message?.type !== PRESENCE_TYPE) return null;
  if (typeof message.muted !== 'boolean' || typeof message.cameraOff !== 'boolean') return null;
  const screen = message.screen ?? null;
  if (screen !== null && (typeof screen !== 'string' || !screen || screen.length > MAX_STREAM_ID_LENGTH)) return null;
  const hand = message.hand ?? null;
  if (hand !== null && !(Number.isFinite(hand) && hand > 0)) return null;
  return {muted: message.muted, cameraOff: message.cameraOff, screen, hand};
}

/**
 * This page's presence and the others'. Events (CustomEvent): `change` ({peerId, state}) when a peer's
 * presence arrives or changes, and ({peerId: null, state}) when the local one changes.
 */
export class Presence extends EventTarget {
  /** @type {PresenceState} */
  local = {muted: false, cameraOff: false, screen: null, hand: null};
  /** @type {Map<string, PresenceState>} */
  remote = new Map();
  #broadcast;

  /** @param {(frame: string) => void} broadcast puts a frame on every open data channel */
  constructor(broadcast) {
    super();
    this.#broadcast = broadcast;
  }

  /**
   * Tells `peer` this page's presence as soon as its channel is open (now, if it is).
   * @param {import('./peer.js').Peer} peer
   */
  addPeer(peer) {
    const tell = () => peer.send(encodePresence(this.local));
    if (peer.channel?.readyState === 'open') tell();
    peer.addEventListener('channelopen', tell);
  }

  /** Back to the state of a page that has not joined: nothing muted, off or shared, nobody else known. */
  reset() {
    this.local = {muted: false, cameraOff: false, screen: null, hand: null};
    this.remote.clear();
  }

  removePeer(peerId) {
    this.remote.delete(peerId);
  }

  /** Changes some of the local presence and tells everyone. @param {Partial<PresenceState>} changes */
  update(changes) {
    const next = {...this.local, ...changes};
    if (Object.keys(next).every((key) => next[key] === this.local[key])) return;
    this.local = next;
    this.#broadcast(encodePresence(next));
    this.#emit(null, next);
  }

  /**
   * Handles a frame from `peerId`'s channel.
   * @return {boolean} whether it was a presence frame
   */
  receive(peerId, data) {
    const state = decodePresence(data);
    if (!state) return false;
    this.remote.set(peerId, state);
    this.#emit(peerId, state);
    return true;
  }

  #emit(peerId, state) {
    this.dispatchEvent(new CustomEvent('change', {detail: {peerId, state}}));
  }
}
