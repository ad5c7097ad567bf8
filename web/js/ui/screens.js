/**
 * What the call page shows around the call itself: the stage, the end screen and
 * the notices. DOM only.
 */

const stage = document.getElementById('stage');
const controls = document.getElementById('controls');
const prejoin = document.getElementById('prejoin');
const endScreen = document.getElementById('end-screen');
const endTitle = document.getElementById('end-title');
const endReason = document.getElementById('end-reason');
const rejoinButton = document.getElementById('rejoin');
const waitButton = document.getElementById('wait-for-place');
const waitState = document.getElementById('wait-state');
const mediaProblem = document.getElementById('media-problem');
const autoplayNotice = document.getElementById('autoplay-notice');
const enableSoundButton = document.getElementById('enable-sound');

/** Puts the room name wherever the page shows it. */
export function showRoom(room) {
  document.title = `${room} · WebRTC Scratch`;
  document.getElementById('room-name').textContent = room;
  for (const element of document.querySelectorAll('.room-name-inline')) element.textContent = room;
}

export function showCall() {
  show(stage, controls);
}

/**
 * @param {{title: string, reason?: string, canRejoin: boolean, offerCheck?: boolean}} what `offerCheck` adds a
 *     link to the connection check
 * @param {() => void} onRejoin
 */
export function showEnd({title, reason = '', canRejoin, offerCheck = false}, onRejoin) {
  show(endScreen);
  endTitle.textContent = title;
  endReason.replaceChildren(reason, ...(offerCheck ? [' ', checkLink('Check your connection')] : []));
  rejoinButton.hidden = !canRejoin;
  rejoinButton.onclick = onRejoin;
  waitButton.hidden = true;
  waitState.hidden = true;
  if (canRejoin) rejoinButton.focus();
}

/**
 * A refused join because the room is full: says so, and offers to wait for a place (no Rejoin: this
 * person never joined).
 * @param {string} room
 * @param {(waiting: boolean) => void} onWait called when the person starts or stops waiting
 * @param {boolean} waiting whether the page is already waiting (a place that was taken again)
 */
export function showRoomFull(room, onWait, waiting) {
  show(endScreen);
  endTitle.textContent = 'This room is full';
  endReason.textContent = `Every place in ${room} is taken. You can wait here: you join as soon as someone leaves.`;
  rejoinButton.hidden = true;
  waitButton.hidden = false;
  const showWaiting = (now) => {
    waitButton.textContent = now ? 'Stop waiting' : 'Wait for a place';
    waitButton.setAttribute('aria-pressed', String(now));
    waitState.hidden = !now;
    waitState.textContent = now ? 'Waiting for a place…' : '';
  };
  showWaiting(waiting);
  waitButton.onclick = () => {
    const now = waitButton.getAttribute('aria-pressed') !== 'true';
    showWaiting(now);
    onWait(now);
  };
  waitButton.focus();
}

/** @param {{peers: number, capacity: number}} occupancy */
export function showWaitStatus({peers, capacity}) {
  if (!waitState.hidden) waitState.textContent = `Waiting for a place: ${peers} of ${capacity} taken.`;
}

/** @param {string|null} message why this page sends no camera or microphone, or null */
export function showMediaProblem(message) {
  mediaProblem.hidden = !message;
  mediaProblem.replaceChildren(...(message ? [message, ' ', checkLink('Check your camera and microphone')] : []));
}

/** A link to the connection check (/check), which finds out what is wrong and says what to do. */
function checkLink(text) {
  const link = document.createElement('a');
  link.href = '/check';
  link.target = '_blank';
  link.textContent = text;
  link.dataset.testid = 'check-link';
  return link;
}

/** Offers a button that turns on sound the browser would not autoplay. */
export function offerSound(onEnable) {
  autoplayNotice.hidden = false;
  enableSoundButton.onclick = () => {
    autoplayNotice.hidden = true;
    onEnable();
  };
}

function show(...visible) {
  for (const element of [stage, controls, prejoin, endScreen]) element.hidden = !visible.includes(element);
  if (!visible.includes(stage)) {
    mediaProblem.hidden = true;
    autoplayNotice.hidden = true;
  }
}
