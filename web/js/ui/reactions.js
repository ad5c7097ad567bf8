/**
 * The Reactions menu (a popover above the control bar: Raise hand and the emoji) and each reaction shown
 * for a few seconds on its sender's tile (`[data-testid="tile-reaction"]`; the last one stays as
 * `data-last-reaction` on the tile, for a late look). DOM only.
 */
import {REACTIONS} from '../reactions.js';

const videos = document.getElementById('videos');
const menuButton = document.getElementById('reactions-toggle');
const handButton = document.getElementById('raise-hand');
const emojiList = document.getElementById('reaction-buttons');
const SHOWN_MS = 4000;

/** @param {{onHand: (raise: boolean) => void, onReaction: (emoji: string) => void}} handlers */
export function bindReactions({onHand, onReaction}) {
  handButton.addEventListener('click', () => onHand(handButton.getAttribute('aria-pressed') !== 'true'));
  emojiList.replaceChildren(...REACTIONS.map(({emoji, label}) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reaction-button';
    button.dataset.testid = 'reaction';
    button.dataset.emoji = emoji;
    button.setAttribute('aria-label', `React: ${label}`);
    button.title = label;
    button.textContent = emoji;
    button.addEventListener('click', () => onReaction(emoji));
    return button;
  }));
}

/** Shows whether this page's hand is up, on the button and on the menu's button. */
export function showHandRaised(raised) {
  handButton.setAttribute('aria-pressed', String(raised));
  handButton.querySelector('.label').textContent = raised ? 'Lower hand' : 'Raise hand';
  menuButton.classList.toggle('hand-raised', raised);
  const label = raised ? 'Reactions (your hand is raised)' : 'Reactions';
  menuButton.setAttribute('aria-label', label);
  menuButton.title = label;
}

/**
 * @param {string|null} peerId the sender (null: this page)
 * @param {string} emoji
 * @param {string} name the sender's name, from signaling
 */
export function showReaction(peerId, emoji, name) {
  const tile = peerId === null ? videos.querySelector('.tile[data-local]')
    : videos.querySelector(`.tile[data-peer-id="${CSS.escape(peerId)}"]`);
  if (!tile) return;
  tile.dataset.lastReaction = emoji;
  const badge = document.createElement('span');
  badge.className = 'tile-reaction';
  badge.dataset.testid = 'tile-reaction';
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', `${name}: ${REACTIONS.find((r) => r.emoji === emoji)?.label ?? emoji}`);
  badge.textContent = emoji;
  tile.querySelector('.tile-reaction')?.remove();
  tile.append(badge);
  setTimeout(() => badge.remove(), SHOWN_MS);
}
