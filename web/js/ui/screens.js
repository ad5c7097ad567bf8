/**
 * What the call page shows around the call itself: the name prompt, the stage, the end screen and
 * the notices. DOM only.
 */

const stage = document.getElementById('stage');
const controls = document.getElementById('controls');
const namePrompt = document.getElementById('name-prompt');
const nameForm = document.getElementById('name-form');
const nameInput = document.getElementById('name-input');
const endScreen = document.getElementById('end-screen');
const endTitle = document.getElementById('end-title');
const endReason = document.getElementById('end-reason');
const rejoinButton = document.getElementById('rejoin');
const mediaProblem = document.getElementById('media-problem');
const autoplayNotice = document.getElementById('autoplay-notice');
const enableSoundButton = document.getElementById('enable-sound');

/** Puts the room name wherever the page shows it. */
export function showRoom(room) {
  document.title = `${room} · WebRTC Scratch`;
  document.getElementById('room-name').textContent = room;
  for (const element of document.querySelectorAll('.room-name-inline')) element.textContent = room;
}

/**
 * Asks for a display name.
 * @param {string} suggestion prefilled
 * @param {(name: string) => string|null} accept returns the name to use, or null to keep asking
 * @return {Promise<string>}
 */
export function askName(suggestion, accept) {
  show(namePrompt);
  nameInput.value = suggestion;
  nameInput.focus();
  return new Promise((resolve) => {
    const onSubmit = (event) => {
      event.preventDefault();
      const name = accept(nameInput.value);
      if (!name) {
        nameInput.setCustomValidity('1 to 40 characters, please');
        nameInput.reportValidity();
        return;
      }
      nameForm.removeEventListener('submit', onSubmit);
      resolve(name);
    };
    nameInput.addEventListener('input', () => nameInput.setCustomValidity(''));
    nameForm.addEventListener('submit', onSubmit);
  });
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
  if (canRejoin) rejoinButton.focus();
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
  for (const element of [stage, controls, namePrompt, endScreen]) element.hidden = !visible.includes(element);
  if (!visible.includes(stage)) {
    mediaProblem.hidden = true;
    autoplayNotice.hidden = true;
  }
}
