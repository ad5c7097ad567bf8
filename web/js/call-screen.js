/**
 * Wiring of screen sharing for the call page: the Share button starts and stops a {@link ScreenShare},
 * presence announces the shared stream's id to the others, and each peer's announced share is shown as
 * a tile of its own (ui/screen.js).
 */
import {ScreenShare} from './screen-share.js';
import * as view from './ui/screen.js';

/**
 * @param {import('./call.js').Call} call
 * @param {import('./presence.js').Presence} presence
 * @return the handlers main.js calls from its own listeners of the call's events
 */
export function wireScreenShare(call, presence) {
  const share = new ScreenShare(call);
  share.addEventListener('change', ({detail: {stream}}) => {
    presence.update({screen: stream?.id ?? null});
    view.showSharing(stream !== null);
  });
  presence.addEventListener('change', ({detail: {peerId, state}}) => {
    if (peerId !== null) call.peers.get(peerId)?.setRemoteScreen(state.screen);
  });
  view.bindScreenShare(async (start) => {
    if (!start) {
      share.stop();
      return;
    }
    try {
      await share.start();
    } catch (error) {
      view.showSharing(false);
      view.showShareProblem(error);
    }
  });

  return {
    share,
    /** @param {import('./peer.js').Peer} peer */
    peerAdded(peer) {
      const show = () => view.showRemoteScreen(peer.peerId, peer.name, peer.remoteScreen);
      peer.addEventListener('screen', show);
      peer.addEventListener('track', show);
    },
    peerRemoved(peerId) {
      view.removeRemoteScreen(peerId);
    },
    ended() {
      share.stop();
      view.clearScreens();
    },
  };
}
