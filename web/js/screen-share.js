/**
 * Sharing the screen: getDisplayMedia (with the tab's or system's sound where the browser offers it),
 * sent to every peer as tracks of their own beside the camera, and to peers who join later. Ends from
 * the app ({@link ScreenShare#stop}) or from the browser's own "Stop sharing" (the video track's
 * `ended`). No DOM.
 *
 * Events (CustomEvent): `change` ({stream}: the shared stream, or null when sharing stopped).
 */
export class ScreenShare extends EventTarget {
  #call;

  /** @param {import('./call.js').Call} call */
  constructor(call) {
    super();
    this.#call = call;
  }

  /** The stream being shared, or null. */
  get stream() {
    return this.#call.media.screen;
  }

  /**
   * Asks the browser for a screen, window or tab and starts sending it.
   * @throws what getDisplayMedia throws (`NotAllowedError` when the person cancels)
   */
  async start() {
    if (this.stream) return;
    if (!navigator.mediaDevices?.getDisplayMedia) {
      throw new DOMException('This browser cannot share a screen.', 'NotSupportedError');
    }
    const stream = await navigator.mediaDevices.getDisplayMedia({video: true, audio: true});
    for (const track of stream.getTracks()) {
      track.addEventListener('ended', () => {
        if (this.stream === stream) this.stop();
      });
    }
    this.#call.media.screen = stream;
    // Peers made from now on get it from media.senders; these get it now.
    for (const peer of this.#call.peers.values()) peer.addScreen(stream);
    this.dispatchEvent(new CustomEvent('change', {detail: {stream}}));
  }

  /** Stops sending and ends the capture. */
  stop() {
    const stream = this.stream;
    if (!stream) return;
    this.#call.media.screen = null;
    for (const peer of this.#call.peers.values()) peer.removeScreen();
    for (const track of stream.getTracks()) track.stop();
    this.dispatchEvent(new CustomEvent('change', {detail: {stream: null}}));
  }
}
