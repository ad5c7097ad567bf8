/**
 * Each remote tile's connection quality in words (`[data-testid="tile-quality"]`: good, fair or poor
 * connection), its reasons as the tooltip, and `data-quality` on the tile. DOM only.
 */

const videos = document.getElementById('videos');

/** @param {string} peerId @param {string} level @param {string} why */
export function showQuality(peerId, level, why) {
  const tile = videos.querySelector(`.tile[data-peer-id="${CSS.escape(peerId)}"]`);
  if (!tile) return;
  tile.dataset.quality = level;
  let badge = tile.querySelector('.tile-quality');
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'tile-quality';
    badge.dataset.testid = 'tile-quality';
    tile.querySelector('figcaption').append(badge);
  }
  badge.textContent = level === 'unknown' ? '' : `${level} connection`;
  badge.title = why;
}
