/**
 * Waiting for a place in a full room: asks the server how full the room is (`GET /api/rooms/{room}`:
 * `{room, peers, capacity, full}`) every few seconds until a place is free. No DOM.
 */

const POLL_MS = 3000;

/**
 * @param {string} room
 * @param {{signal: AbortSignal, onStatus?: (occupancy: {peers: number, capacity: number, full: boolean}) => void,
 *     pollMs?: number}} options `signal` stops the wait
 * @return {Promise<boolean>} true once a place is free, false when stopped
 */
export async function waitForPlace(room, {signal, onStatus = () => {}, pollMs = POLL_MS}) {
  while (!signal.aborted) {
    try {
      const response = await fetch(`/api/rooms/${encodeURIComponent(room)}`, {cache: 'no-store', signal});
      if (response.ok) {
        const occupancy = await response.json();
        onStatus(occupancy);
        if (!occupancy.full) return true;
      }
    } catch {
      // A failed poll (server away, or stopped) is tried again, or ends with the signal.
    }
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, {once: true});
    });
  }
  return false;
}
