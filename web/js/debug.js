import {summarize} from './stats.js';

/**
 * `window.__scratch`: live counts and hooks for tests and for a curious person at the console
 * (documented in docs/testing.md). Reads the call's own bookkeeping; tests that must not trust that
 * bookkeeping count through their own init script instead.
 * @param {import('./call.js').Call} call
 */
export function installDebugRegistry(call) {
  window.__scratch = {
    call,
    get signaling() {
      return call.signaling;
    },
    get restarts() {
      return call.restarts;
    },
    get reconnects() {
      return call.reconnects;
    },
    /** Peer connections not closed, chat channels open, remote tracks live. */
    counts() {
      const peers = [...call.peers.values()];
      return {
        peerConnections: peers.filter((p) => p.pc.connectionState !== 'closed').length,
        dataChannels: peers.filter((p) => p.channel.readyState === 'open').length,
        remoteTracks: peers.flatMap((p) => p.remoteStream.getTracks()).filter((t) => t.readyState === 'live').length,
        localTracks: call.media.stream.getTracks().filter((t) => t.readyState === 'live').length,
      };
    },
    /** Video frames decoded so far from `peerId` (getStats inbound-rtp), 0 if it is not in the call. */
    async framesDecoded(peerId) {
      const peer = call.peers.get(peerId);
      return peer ? (await summarize(peer.pc)).framesDecoded : 0;
    },
    /** See Signaling#dropForTest. */
    dropSignalingForTest() {
      call.signaling?.dropForTest();
    },
  };
}
