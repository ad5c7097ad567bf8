/**
 * Emoji reactions, sent peer to peer on the chat data channel as `{"type": "reaction", "emoji": "👍"}`
 * (docs/protocol.md). Only the emoji of {@link REACTIONS} are shown; each sender may show at most
 * {@link BURST} reactions at once and {@link PER_SECOND} a second after that (counted by the receiver, so
 * a flood from one page does not cover everyone's screens). The frame carries no name. No DOM.
 */

export const REACTION_TYPE = 'reaction';
/** The reactions offered, each with the words that name it. */
export const REACTIONS = Object.freeze([
  {emoji: '👍', label: 'Thumbs up'},
  {emoji: '👏', label: 'Applause'},
  {emoji: '😂', label: 'Laughter'},
  {emoji: '😮', label: 'Surprise'},
  {emoji: '❤️', label: 'Love'},
  {emoji: '🎉', label: 'Celebrate'},
]);
const ALLOWED = new Set(REACTIONS.map((r) => r.emoji));
const MAX_FRAME_LENGTH = 128;
export const BURST = 5;
export const PER_SECOND = 2;

export function encodeReaction(emoji) {
  return JSON.stringify({type: REACTION_TYPE, emoji});
}

/**
 * @param {unknown} data a frame from a peer's channel
 * @return {{emoji: string}|{emoji: null}|null} null if not a reaction frame; `{emoji: null}` for a
 *     reaction frame whose emoji is not one of ours (taken, and ignored)
 */
export function decodeReaction(data) {
  if (typeof data !== 'string' || data.length > MAX_FRAME_LENGTH) return null;
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (message?.type !== REACTION_TYPE) return null;
  return {emoji: ALLOWED.has(message.emoji) ? message.emoji : null};
}

/**
 * Reactions of this call. Events (CustomEvent): `reaction` ({peerId, emoji}; peerId null for this page's).
 * `dropped` counts reactions refused: unknown emoji or over a sender's rate.
 */
export class Reactions extends EventTarget {
  dropped = 0;
  #broadcast;
  #now;
  /** @type {Map<string, {tokens: number, at: number}>} a token bucket per sender */
  #buckets = new Map();

  /**
   * @param {(frame: string) => void} broadcast puts a frame on every open data channel
   * @param {() => number} [now] ms
   */
  constructor(broadcast, now = () => performance.now()) {
    super();
    this.#broadcast = broadcast;
    this.#now = now;
  }

  /** Sends `emoji` to everyone and shows it here; false if it is not one of {@link REACTIONS}. */
  send(emoji) {
    if (!ALLOWED.has(emoji)) return false;
    this.#broadcast(encodeReaction(emoji));
    this.#emit(null, emoji);
    return true;
  }

  /** @return {boolean} whether the frame was a reaction (shown or not), and so not chat */
  receive(peerId, data) {
    const reaction = decodeReaction(data);
    if (!reaction) return false;
    if (reaction.emoji === null || !this.#take(peerId)) {
      this.dropped++;
      return true;
    }
    this.#emit(peerId, reaction.emoji);
    return true;
  }

  removePeer(peerId) {
    this.#buckets.delete(peerId);
  }

  #take(peerId) {
    const at = this.#now();
    const bucket = this.#buckets.get(peerId) ?? {tokens: BURST, at};
    bucket.tokens = Math.min(BURST, bucket.tokens + (at - bucket.at) * PER_SECOND / 1000);
    bucket.at = at;
    this.#buckets.set(peerId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  #emit(peerId, emoji) {
    this.dispatchEvent(new CustomEvent('reaction', {detail: {peerId, emoji}}));
  }
}
