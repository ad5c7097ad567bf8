/**
 * Screen shares on the page: each remote share as a larger tile of its own
 * (`.tile.screen-tile[data-screen-of="<peer id>"]`), and the Share screen button. DOM only.
 */

const videos = document.getElementById('videos');
const button = document.getElementById('screen-share');
const problem = document.getElementById('media-problem');

/** @param {(share: boolean) => void} onToggle */
export function bindScreenShare(onToggle) {
  button.hidden = !navigator.mediaDevices?.getDisplayMedia;
  button.addEventListener('click', () => onToggle(button.getAttribute('aria-pressed') !== 'true'));
}

/** Shows whether this page is sharing its screen. */
export function showSharing(sharing) {
  const label = sharing ? 'Stop sharing screen' : 'Share screen';
  button.setAttribute('aria-pressed', String(sharing));
  button.setAttribute('aria-label', label);
  button.title = label;
}

/** Says why sharing did not start (nothing when the person cancelled the browser's picker). */
export function showShareProblem(error) {
  if (error.name === 'NotAllowedError' || error.name === 'AbortError') return;
  problem.hidden = false;
  problem.textContent = `Could not share the screen: ${error.message || error.name}`;
}

/**
 * Shows `stream` as `name`'s screen share while it holds a video track; removes the tile otherwise.
 * @param {string} peerId
 * @param {string} name
 * @param {MediaStream} stream
 */
export function showRemoteScreen(peerId, name, stream) {
  if (!stream.getVideoTracks().length) {
    removeRemoteScreen(peerId);
    return;
  }
  let tile = tileOf(peerId);
  if (!tile) {
    tile = document.createElement('figure');
    tile.className = 'tile screen-tile';
    tile.dataset.screenOf = peerId;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.setAttribute('aria-label', `${name}'s screen`);
    const caption = document.createElement('figcaption');
    caption.textContent = `${name}'s screen`;
    tile.append(video, caption);
    videos.prepend(tile);
  }
  const video = tile.querySelector('video');
  if (video.srcObject !== stream) video.srcObject = stream;
  // The shared tab's sound plays with it; muted if the browser refuses sound without a click.
  video.play().catch(() => {
    video.muted = true;
    video.play().catch(() => {});
  });
  layout();
}

export function removeRemoteScreen(peerId) {
  const tile = tileOf(peerId);
  if (!tile) return;
  tile.querySelector('video').srcObject = null;
  tile.remove();
  layout();
}

export function clearScreens() {
  for (const tile of videos.querySelectorAll('.screen-tile')) tile.remove();
  showSharing(false);
  layout();
}

function tileOf(peerId) {
  return videos.querySelector(`.screen-tile[data-screen-of="${CSS.escape(peerId)}"]`);
}

function layout() {
  videos.classList.toggle('has-screen', videos.querySelector('.screen-tile') !== null);
}
