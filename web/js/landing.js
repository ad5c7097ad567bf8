/**
 * The landing page (/): choose a display name and a room, then go to /r/{room}?name=NAME.
 */
import {NAME_MAX_LENGTH, normalizeName} from './protocol.js';
import {callUrl, isPrivateRoomName, privateRoomName, slugifyRoom} from './rooms.js';
import {rememberPassword} from './room-password.js';
import {NAME_STORAGE_KEY} from './settings.js';

const form = document.getElementById('join-form');
const nameInput = document.getElementById('display-name');
const roomInput = document.getElementById('room-input');
const newRoomButton = document.getElementById('new-room');
const roomLink = document.getElementById('room-link');
const copyButton = document.getElementById('copy-room-link');
const version = document.getElementById('version');
const privacy = document.getElementById('room-privacy');
const passwordInput = document.getElementById('room-password');

nameInput.addEventListener('input', () => nameInput.setCustomValidity(''));
roomInput.addEventListener('input', showLink);
roomInput.addEventListener('change', () => {
  roomInput.value = currentRoom();
  showLink();
});
newRoomButton.addEventListener('click', () => {
  roomInput.value = privateRoomName();
  showLink();
});
copyButton.addEventListener('click', copyLink);
form.addEventListener('submit', join);

nameInput.value = localStorage.getItem(NAME_STORAGE_KEY) ?? '';
roomInput.value = privateRoomName();
showLink();
(nameInput.value ? roomInput : nameInput).focus();
showVersion();

/** The room typed, made valid; a fresh private one if nothing usable was typed. */
function currentRoom() {
  return slugifyRoom(roomInput.value) || privateRoomName();
}

function showLink() {
  const room = slugifyRoom(roomInput.value);
  roomLink.textContent = room ? callUrl(location.origin, room) : '';
  copyButton.disabled = !room;
  privacy.dataset.private = String(isPrivateRoomName(room));
  privacy.textContent = !room || isPrivateRoomName(room) ?
    'Private link: nobody can find this room by guessing its name.' :
    'A typed name can be guessed: anyone who tries it can join. Choose New room for a private link.';
}

async function copyLink() {
  const label = copyButton.querySelector('.label');
  try {
    await navigator.clipboard.writeText(roomLink.textContent);
    label.textContent = 'Copied';
  } catch {
    window.getSelection().selectAllChildren(roomLink);
    label.textContent = 'Press Ctrl+C';
  }
  setTimeout(() => {
    label.textContent = 'Copy link';
  }, 1500);
}

function join(event) {
  event.preventDefault();
  const name = normalizeName(nameInput.value);
  if (!name) {
    nameInput.setCustomValidity(`1 to ${NAME_MAX_LENGTH} characters, please`);
    nameInput.reportValidity();
    return;
  }
  localStorage.setItem(NAME_STORAGE_KEY, name);
  const room = currentRoom();
  if (passwordInput.value) rememberPassword(room, passwordInput.value);
  location.assign(callUrl(location.origin, room, name));
}

async function showVersion() {
  try {
    const response = await fetch('/api/config');
    if (response.ok) version.textContent = `v${(await response.json()).version}`;
  } catch {
    // The version is a nicety; the page works without it.
  }
}
