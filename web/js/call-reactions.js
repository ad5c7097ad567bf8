/**
 * Wiring of raised hands and reactions for the call page: the hand travels in presence (presence.js),
 * queued by when it went up (hands.js) and shown on the tiles and in the participant list
 * (ui/presence.js); reactions go on the data channel (reactions.js) and show on the sender's tile
 * (ui/reactions.js). Names come from signaling, never from a frame.
 */
import {handQueue} from './hands.js';
import {Reactions} from './reactions.js';
import * as people from './ui/presence.js';
import * as view from './ui/reactions.js';

/**
 * @param {import('./call.js').Call} call
 * @param {import('./presence.js').Presence} presence
 * @return the handlers main.js calls from its own listeners of the call's events
 */
export function wireReactions(call, presence) {
  const reactions = new Reactions((frame) => call.broadcast(frame));
  // Frames that are not reactions go on to presence and chat (main.js); a reaction frame is neither.
  call.addEventListener('peer-message', ({detail: {peerId, data}}) => reactions.receive(peerId, data));
  reactions.addEventListener('reaction', ({detail: {peerId, emoji}}) =>
    view.showReaction(peerId, emoji, peerId === null ? call.name : call.peers.get(peerId)?.name ?? ''));

  const showHands = () => {
    const states = new Map([[null, presence.local], ...presence.remote]);
    const queue = handQueue(states, Date.now(), call.localPeerId);
    for (const peerId of states.keys()) people.updatePerson(peerId, {hand: queue.indexOf(peerId) + 1});
    view.showHandRaised(presence.local.hand !== null);
  };
  presence.addEventListener('change', showHands);
  view.bindReactions({
    onHand: (raise) => presence.update({hand: raise ? Date.now() : null}),
    onReaction: (emoji) => reactions.send(emoji),
  });

  return {
    reactions,
    /** After presence forgot the peer: the hands behind it move up. */
    peerRemoved(peerId) {
      reactions.removePeer(peerId);
      showHands();
    },
    ended() {
      view.showHandRaised(false);
    },
  };
}
