/**
 * The room's lock and password on the call page: the "Lock room"/"Unlock room" button with the state in words,
 * shown to the room's host only, and the password form when the room asks for one. DOM only.
 */

const lockButton = document.getElementById('lock-room');
const lockState = document.getElementById('room-lock-state');
const passwordForm = document.getElementById('password-form');
const passwordInput = document.getElementById('password-input');

let locked = false;

/** @param {(locked: boolean) => void} onLock called with the state the host asks for */
export function bindLock(onLock) {
  lockButton.addEventListener('click', () => onLock(!locked));
}

/**
 * @param {{locked: boolean, isHost: boolean, password: boolean}} state
 */
export function showRoomState(state) {
  locked = state.locked;
  lockButton.hidden = !state.isHost;
  lockButton.textContent = locked ? 'Unlock room' : 'Lock room';
  lockButton.setAttribute('aria-pressed', String(locked));
  lockButton.dataset.locked = String(locked);
  lockState.hidden = !locked && !state.isHost;
  lockState.dataset.locked = String(locked);
  lockState.textContent = locked ? 'Room locked: nobody new can join' : 'Room open';
}

/** Hides both, for a page no longer in the call. */
export function hideRoomState() {
  lockButton.hidden = true;
  lockState.hidden = true;
}

/**
 * Shows the password form (on the end screen) until it is submitted.
 * @param {boolean} wrong whether the last password given was wrong
 * @param {(password: string) => void} onPassword
 */
export function askPassword(wrong, onPassword) {
  passwordForm.hidden = false;
  passwordInput.value = '';
  passwordInput.setCustomValidity('');
  passwordInput.setAttribute('aria-invalid', String(wrong));
  passwordForm.onsubmit = (event) => {
    event.preventDefault();
    if (!passwordInput.value) return;
    passwordForm.hidden = true;
    onPassword(passwordInput.value);
  };
  passwordInput.focus();
}

export function hidePasswordForm() {
  passwordForm.hidden = true;
}
