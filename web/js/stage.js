/**
 * Which tile the call shows large: the view (grid or speaker), the pinned tile and the active speaker.
 * No DOM: tiles are named by keys (`local`, a peer id, `screen:<peer id>`), ui/layout.js draws them.
 *
 * In speaker view the large tile is the pinned one if any, else a screen share, else the last of the
 * others to start speaking (kept while they pause, until someone else speaks), else the first of the
 * others, else this page's own. Events (CustomEvent): `change` ({view, pinned, main}).
 */

export const View = Object.freeze({GRID: 'grid', SPEAKER: 'speaker'});
export const LOCAL_KEY = 'local';
const SCREEN_PREFIX = 'screen:';

/** The key of a peer's screen share tile. */
export function screenKey(peerId) {
  return SCREEN_PREFIX + peerId;
}

/**
 * @param {{keys: string[], pinned: string|null, lastSpeaker: string|null}} state keys in page order
 * @return {string|null} the key of the large tile, or null when there is none
 */
export function mainTile({keys, pinned, lastSpeaker}) {
  if (pinned !== null && keys.includes(pinned)) return pinned;
  const screen = keys.find((key) => key.startsWith(SCREEN_PREFIX));
  if (screen) return screen;
  if (lastSpeaker !== null && lastSpeaker !== LOCAL_KEY && keys.includes(lastSpeaker)) return lastSpeaker;
  return keys.find((key) => key !== LOCAL_KEY) ?? (keys.includes(LOCAL_KEY) ? LOCAL_KEY : null);
}

export class Stage extends EventTarget {
  view = View.GRID;
  /** @type {string|null} */
  pinned = null;
  /** @type {string|null} */
  lastSpeaker = null;
  /** @type {string[]} */
  keys = [];

  setView(view) {
    if (view !== View.GRID && view !== View.SPEAKER) return;
    this.view = view;
    this.#emit();
  }

  /** Pins `key` (shown large in speaker view, which this switches to), or unpins it if it is pinned. */
  togglePin(key) {
    this.pinned = this.pinned === key ? null : key;
    if (this.pinned !== null) this.view = View.SPEAKER;
    this.#emit();
  }

  /** `peerId` (null: this page) started or stopped speaking. */
  speaking(peerId, speaking) {
    if (!speaking || peerId === null) return;
    this.lastSpeaker = peerId;
    this.#emit();
  }

  /** The tiles now on the page, in order; a pinned tile that went away is no longer pinned. */
  setKeys(keys) {
    this.keys = keys;
    if (this.pinned !== null && !keys.includes(this.pinned)) this.pinned = null;
    this.#emit();
  }

  get main() {
    return this.view === View.SPEAKER ? mainTile(this) : null;
  }

  #emit() {
    this.dispatchEvent(new CustomEvent('change', {detail: {view: this.view, pinned: this.pinned, main: this.main}}));
  }
}
