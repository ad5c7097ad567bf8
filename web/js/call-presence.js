/**
 * Wiring of presence for the call page: the local state told to the others ({@link Presence}), who is
 * speaking ({@link SpeakingDetector}), each connection's quality ({@link ConnectionQuality}), and what the
 * page shows of them (ui/presence.js, ui/quality.js), join and leave notices included. Names always come from signaling (the `Peer`'s name), never from a data channel.
 */
import {Presence} from './presence.js';
import {ConnectionQuality} from './quality.js';
import {SpeakingDetector} from './speaking.js';
import * as view from './ui/presence.js';
import {showQuality} from './ui/quality.js';

const LEAVE_WORDS = {left: 'left', disconnected: 'lost the connection and left'};

/**
 * @param {import('./call.js').Call} call
 * @param {(text: string) => void} chatNotice puts a line in the chat log
 * @return the handlers main.js calls from its own listeners of the call's events
 */
export function wirePresence(call, chatNotice) {
  const presence = new Presence((frame) => call.broadcast(frame));
  const speaking = new SpeakingDetector(call);
  const quality = new ConnectionQuality(call, {cameraOff: (peerId) => presence.remote.get(peerId)?.cameraOff ?? false});
  quality.addEventListener('quality', ({detail: {peerId, level, why}}) => showQuality(peerId, level, why));
  let present = new Set();

  presence.addEventListener('change', ({detail: {peerId, state}}) =>
    view.updatePerson(peerId, {muted: state.muted, cameraOff: state.cameraOff, screen: state.screen !== null}));
  speaking.addEventListener('speaking', ({detail: {peerId, speaking: now}}) => view.updatePerson(peerId, {speaking: now}));

  const announce = (text) => {
    view.notice(text);
    chatNotice(text);
  };

  return {
    presence,
    speaking,
    /** A notice in the call (not in the chat log). */
    notice: view.notice,
    /** The local media is in: this page's own line and state. */
    localMedia({media}) {
      view.addPerson(null, call.name);
      presence.update({muted: !media.audioEnabled || !media.audioTrack, cameraOff: !media.videoEnabled || !media.videoTrack});
      view.updatePerson(null, {muted: presence.local.muted, cameraOff: presence.local.cameraOff});
      speaking.start();
      quality.start();
    },
    /** Those listed in the welcome were already here: no notice for them. */
    welcome({peers = []}) {
      present = new Set(peers.map((p) => p.peerId));
    },
    peerAdded({peer}) {
      view.addPerson(peer.peerId, peer.name);
      presence.addPeer(peer);
      if (!present.has(peer.peerId)) announce(`${peer.name} joined`);
      present.add(peer.peerId);
    },
    peerRemoved({peerId, reason}) {
      const name = view.nameOf(peerId);
      presence.removePeer(peerId);
      view.removePerson(peerId);
      present.delete(peerId);
      if (name && LEAVE_WORDS[reason]) announce(`${name} ${LEAVE_WORDS[reason]}`);
    },
    /** @return {boolean} whether the frame was presence (and so not chat) */
    message({peerId, data}) {
      return presence.receive(peerId, data);
    },
    ended() {
      speaking.stop();
      quality.stop();
      presence.reset();
      view.clearPeople();
      present = new Set();
    },
    setMuted(muted) {
      presence.update({muted});
      view.updatePerson(null, {muted});
    },
    setCameraOff(off) {
      presence.update({cameraOff: off});
      view.updatePerson(null, {cameraOff: off});
    },
  };
}
