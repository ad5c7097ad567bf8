/**
 * The grid of video tiles: the local one (`data-local`) and one per remote peer (`data-peer-id`,
 * `data-connection-state`). DOM only.
 */

const STATE_LABELS = {
  new: 'connecting…',
  connecting: 'connecting…',
  connected: '',
  disconnected: 'reconnecting…',
  failed: 'reconnecting…',
  closed: 'left',
};

export class VideoGrid {
  #container;
  #template;
  #local = null;
  #onAutoplayBlocked;
  #speaker = '';

  /**
   * @param {HTMLElement} container
   * @param {HTMLTemplateElement} template one `figure.tile`
   * @param {() => void} onAutoplayBlocked called when the browser refused to play a remote tile with sound
   */
  constructor(container, template, onAutoplayBlocked) {
    this.#container = container;
    this.#template = template;
    this.#onAutoplayBlocked = onAutoplayBlocked;
  }

  /** The local tile's name, once the server has said it ("Alice (2)", a join token's name). */
  setLocalName(name) {
    this.#local?.querySelector('.tile-name').replaceChildren(`${name} (you)`);
  }

  /** Shows (or updates) the local tile. */
  showLocal(stream, name) {
    if (!this.#local) {
      this.#local = this.#createTile(`${name} (you)`, name);
      this.#local.dataset.local = '';
      this.#local.querySelector('video').muted = true;
      this.#container.prepend(this.#local);
    }
    // A video element holding a stream without tracks delays the page's load event for good.
    this.#local.querySelector('video').srcObject = stream.getTracks().length ? stream : null;
    this.setLocalVideoShown(stream.getVideoTracks().length > 0);
    this.#layout();
  }

  /** Shows the avatar in place of the local picture while the camera is off or absent. */
  setLocalVideoShown(shown) {
    this.#local?.classList.toggle('no-video', !shown);
  }

  setLocalMuted(muted) {
    this.#local?.classList.toggle('muted', muted);
  }

  /**
   * Plays the others on the audio output `deviceId` ('' = the system default), now and in tiles to come.
   * @return {Promise<void>} rejects when the browser refuses that output
   */
  async setSpeaker(deviceId) {
    this.#speaker = deviceId;
    const videos = [...this.#container.querySelectorAll('.tile[data-peer-id] video')];
    await Promise.all(videos.map((video) => video.setSinkId?.(deviceId)));
  }

  addRemote(peerId, name) {
    const tile = this.#createTile(name, name);
    tile.dataset.peerId = peerId;
    if (this.#speaker) tile.querySelector('video').setSinkId?.(this.#speaker).catch(() => {});
    tile.classList.add('no-video');
    this.#container.append(tile);
    this.#layout();
  }

  /** Plays `stream` in the tile of `peerId`; with sound if the browser allows, else muted until a click. */
  setRemoteStream(peerId, stream) {
    const tile = this.#tile(peerId);
    if (!tile) return;
    const video = tile.querySelector('video');
    tile.classList.toggle('no-video', stream.getVideoTracks().length === 0);
    if (video.srcObject !== stream) video.srcObject = stream;
    video.play().catch((error) => {
      if (error.name !== 'NotAllowedError') return;
      video.muted = true;
      video.play().catch(() => {});
      this.#onAutoplayBlocked();
    });
  }

  /** Unmutes every remote tile; call it from a click so that the browser allows sound. */
  enableSound() {
    for (const video of this.#container.querySelectorAll('.tile[data-peer-id] video')) {
      video.muted = false;
      video.play().catch(() => {});
    }
  }

  setConnectionState(peerId, state) {
    const tile = this.#tile(peerId);
    if (!tile) return;
    tile.dataset.connectionState = state;
    tile.querySelector('.tile-state').textContent = STATE_LABELS[state] ?? state;
  }

  removeRemote(peerId) {
    const tile = this.#tile(peerId);
    if (!tile) return;
    tile.querySelector('video').srcObject = null;
    tile.remove();
    this.#layout();
  }

  /** Empties the grid (local tile included) and lets go of every stream. */
  clear() {
    for (const video of this.#container.querySelectorAll('video')) video.srcObject = null;
    this.#container.replaceChildren();
    this.#local = null;
    this.#layout();
  }

  #createTile(label, name) {
    const tile = this.#template.content.firstElementChild.cloneNode(true);
    tile.querySelector('.tile-name').textContent = label;
    tile.querySelector('.avatar').textContent = initials(name);
    tile.style.setProperty('--avatar-hue', String(hue(name)));
    return tile;
  }

  #tile(peerId) {
    return this.#container.querySelector(`.tile[data-peer-id="${CSS.escape(peerId)}"]`);
  }

  #layout() {
    this.#container.dataset.count = String(this.#container.children.length);
  }
}

function initials(name) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => [...w][0].toUpperCase()).join('') || '?';
}

function hue(name) {
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)) % 360;
  return h;
}
