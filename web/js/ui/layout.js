/**
 * The tiles' arrangement on the page: grid or speaker view (`data-view` on the tiles' container, the
 * large tile marked `.main`), the view toggle, and on each tile a Pin and a Full screen button. DOM only:
 * what is large is decided by a {@link Stage}.
 */
import {LOCAL_KEY, View, screenKey} from '../stage.js';

const videos = document.getElementById('videos');
const toggle = document.getElementById('layout-toggle');

/** @param {import('../stage.js').Stage} stage */
export function bindLayout(stage) {
  toggle.addEventListener('click', () => stage.setView(stage.view === View.GRID ? View.SPEAKER : View.GRID));
  videos.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-tile-action]');
    const tile = button?.closest('.tile');
    if (!tile) return;
    if (button.dataset.tileAction === 'pin') stage.togglePin(keyOf(tile));
    else toggleFullScreen(tile);
  });
  document.addEventListener('fullscreenchange', () => {
    for (const tile of videos.querySelectorAll('.tile')) labelFullScreen(tile);
  });
  stage.addEventListener('change', () => show(stage));
  // Tiles come and go (ui/videos.js, ui/screen.js): give each its buttons and tell the stage.
  new MutationObserver(() => {
    const tiles = [...videos.querySelectorAll(':scope > .tile')];
    for (const tile of tiles) if (!tile.querySelector('.tile-actions')) addActions(tile);
    stage.setKeys(tiles.map(keyOf));
  }).observe(videos, {childList: true});
  show(stage);
}

function show(stage) {
  const main = stage.main;
  videos.dataset.view = stage.view;
  for (const tile of videos.querySelectorAll(':scope > .tile')) {
    const key = keyOf(tile);
    tile.classList.toggle('main', key === main);
    const pinned = key === stage.pinned;
    tile.toggleAttribute('data-pinned', pinned);
    const pin = tile.querySelector('[data-tile-action="pin"]');
    if (pin) {
      pin.setAttribute('aria-pressed', String(pinned));
      setLabel(pin, `${pinned ? 'Unpin' : 'Pin'} ${nameOf(tile)}`);
    }
  }
  const speaker = stage.view === View.SPEAKER;
  toggle.setAttribute('aria-label', speaker ? 'Speaker view: switch to grid view' : 'Grid view: switch to speaker view');
  toggle.title = toggle.getAttribute('aria-label');
  toggle.querySelector('.label').textContent = speaker ? 'Speaker view' : 'Grid view';
  toggle.dataset.view = stage.view;
}

function addActions(tile) {
  const actions = document.createElement('div');
  actions.className = 'tile-actions';
  for (const action of ['pin', 'fullscreen']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tile-action';
    button.dataset.tileAction = action;
    button.dataset.testid = `tile-${action}`;
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', `/icons.svg#${action}`);
    icon.append(use);
    button.append(icon);
    actions.append(button);
  }
  tile.append(actions);
  labelFullScreen(tile);
}

async function toggleFullScreen(tile) {
  try {
    if (document.fullscreenElement === tile) await document.exitFullscreen();
    else await tile.requestFullscreen();
  } catch {
    // Refused (no full screen in this frame or browser): the tile stays where it is.
  }
}

function labelFullScreen(tile) {
  const button = tile.querySelector('[data-tile-action="fullscreen"]');
  if (!button) return;
  const full = document.fullscreenElement === tile;
  button.setAttribute('aria-pressed', String(full));
  setLabel(button, full ? 'Exit full screen' : `Show ${nameOf(tile)} full screen`);
  button.hidden = !document.fullscreenEnabled;
}

function setLabel(button, label) {
  button.setAttribute('aria-label', label);
  button.title = label;
}

/** The words for a tile in its buttons' names: "Alice", "Alice's screen", "yourself". */
function nameOf(tile) {
  if (tile.hasAttribute('data-local')) return 'yourself';
  if (tile.dataset.screenOf) return tile.querySelector('figcaption')?.textContent ?? 'the screen';
  return tile.querySelector('.tile-name')?.textContent ?? 'this tile';
}

function keyOf(tile) {
  if (tile.hasAttribute('data-local')) return LOCAL_KEY;
  if (tile.dataset.screenOf) return screenKey(tile.dataset.screenOf);
  return tile.dataset.peerId ?? '';
}
