/**
 * Chat over the peers' data channels: each message goes straight to every peer as JSON
 * `{text, name, sentAt}`; the signaling server never sees it.
 */

export const MAX_TEXT_LENGTH = 2000;
/** Bidi overrides, embeddings and isolates: in a message they could turn the lines around it backwards. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * @param {{text: string, name: string, sentAt?: number}} message
 * @return {string} the frame to put on a data channel
 */
export function encodeChatMessage({text, name, sentAt = Date.now()}) {
  return JSON.stringify({text, name, sentAt});
}

/**
 * Reads a frame from a peer's channel.
 * @param {unknown} data
 * @return {{text: string, name: string, sentAt: number}|null} null for anything that is not a chat message
 */
export function decodeChatMessage(data) {
  if (typeof data !== 'string' || data.length > 4 * MAX_TEXT_LENGTH) return null;
  let message;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message?.text !== 'string' || typeof message.name !== 'string') return null;
  const text = message.text.replace(BIDI_CONTROLS, '').trim().slice(0, MAX_TEXT_LENGTH);
  if (!text) return null;
  const sentAt = Number.isFinite(message.sentAt) ? message.sentAt : Date.now();
  return {text, name: message.name.slice(0, 40), sentAt};
}

/**
 * The conversation of one call. Events (CustomEvent): `message` ({from, name, text, sentAt, local}).
 */
export class Chat extends EventTarget {
  #broadcast;

  /**
   * @param {(frame: string) => void} broadcast puts a frame on every open chat channel
   */
  constructor(broadcast) {
    super();
    this.#broadcast = broadcast;
  }

  /**
   * Sends `text` to everyone and shows it locally.
   * @param {string} text
   * @param {{from: string, name: string}} sender this peer
   * @return {boolean} false if there was nothing to send
   */
  send(text, {from, name}) {
    const trimmed = text.trim().slice(0, MAX_TEXT_LENGTH);
    if (!trimmed) return false;
    const sentAt = Date.now();
    this.#broadcast(encodeChatMessage({text: trimmed, name, sentAt}));
    this.#emit({from, name, text: trimmed, sentAt, local: true});
    return true;
  }

  /** Handles a frame that arrived on the channel of peer `from`. */
  receive(from, data) {
    const message = decodeChatMessage(data);
    if (message) this.#emit({from, ...message, local: false});
  }

  #emit(detail) {
    this.dispatchEvent(new CustomEvent('message', {detail}));
  }
}
