/**
 * A room's password between the landing page and the call page, and across reloads of the call page: kept in
 * sessionStorage (this tab only, gone when it closes), never in the address, which is shared and logged.
 */

const KEY_PREFIX = 'scratch.room-password.';

/** @param {string} room @param {string} password */
export function rememberPassword(room, password) {
  sessionStorage.setItem(KEY_PREFIX + room, password);
}

/** @param {string} room @return {string|undefined} */
export function rememberedPassword(room) {
  return sessionStorage.getItem(KEY_PREFIX + room) ?? undefined;
}
