/**
 * Raised hands in the order they went up. A hand is part of each participant's presence (`hand`: when
 * it was raised, on the sender's clock; see presence.js); this puts them in a queue. No DOM.
 */

/**
 * @param {Map<string|null, {hand: number|null}>} states each participant's presence (null: this page)
 * @param {number} now this page's clock: a time in the future counts as now, so no one queues first by
 *     claiming a raise that has not happened
 * @param {string|null} localPeerId this page's peer id, for ties
 * @return {(string|null)[]} the ids of those with a hand up, first raised first (ties by peer id, so that
 *     every page shows the same order)
 */
export function handQueue(states, now = Date.now(), localPeerId = null) {
  const tieKey = (peerId) => String(peerId ?? localPeerId);
  return [...states].filter(([, state]) => state.hand !== null && state.hand !== undefined)
      .map(([peerId, state]) => ({peerId, at: Math.min(state.hand, now)}))
      .sort((a, b) => a.at - b.at || tieKey(a.peerId).localeCompare(tieKey(b.peerId)))
      .map(({peerId}) => peerId);
}
