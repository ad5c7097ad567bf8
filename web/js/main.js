/**
 * The call page (/r/{room}): wiring only. The modules do the work; this connects their events.
 * call-start.js has usually started the call already; this shows it.
 */
import {Recorder} from './bts/recorder.js';
import {CallState} from './call.js';
import {room, startCall, startedCall} from './call-start.js';
import {Chat} from './chat.js';
import {wireLayout} from './call-layout.js';
import {wirePresence} from './call-presence.js';
import {wireReactions} from './call-reactions.js';
import {wireScreenShare} from './call-screen.js';
import {installDebugRegistry} from './debug.js';
import {FileTransfers} from './files/transfers.js';
import {LocalMedia} from './media.js';
import {Prejoin} from './prejoin.js';
import {ROOM_MAX_LENGTH, isValidRoom, normalizeName} from './protocol.js';
import {waitForPlace} from './room-wait.js';
import {rememberPassword} from './room-password.js';
import {callUrl} from './rooms.js';
import {NAME_STORAGE_KEY} from './settings.js';
import {bindBehindTheScenes} from './ui/bts/open-button.js';
import * as chatView from './ui/chat.js';
import * as controls from './ui/controls.js';
import * as filesView from './ui/files.js';
import {bindInvite} from './ui/invite.js';
import {runPrejoin} from './ui/prejoin.js';
import * as roomAccess from './ui/room-access.js';
import * as screens from './ui/screens.js';
import {VideoGrid} from './ui/videos.js';

if (isValidRoom(room)) {
  screens.showRoom(room);
  const started = startedCall ?? await prejoinThenStart();
  localStorage.setItem(NAME_STORAGE_KEY, started.call.name);
  show(started);
} else {
  controls.showSignalingState('closed');
  screens.showEnd({
    title: 'No such room',
    reason: `A room name is 1 to ${ROOM_MAX_LENGTH} letters, digits, - or _. Start from the home page to pick one.`,
    canRejoin: false,
  });
}

/** The pre-join screen, then the call with the media it opened. */
async function prejoinThenStart() {
  const media = new LocalMedia();
  const suggestion = normalizeName(new URLSearchParams(location.search).get('name'))
      ?? localStorage.getItem(NAME_STORAGE_KEY) ?? '';
  const name = await runPrejoin(new Prejoin(media), {suggestion, accept: normalizeName});
  return startCall(room, name, media);
}

/** @param {{call: import('./call.js').Call, events: import('./held-events.js').HeldEvents}} started */
function show({call, events}) {
  const {media, name} = call;
  const chat = new Chat((frame) => call.broadcast(frame));
  const grid = new VideoGrid(document.getElementById('videos'), document.getElementById('tile-template'),
      () => screens.offerSound(() => grid.enableSound()));
  installDebugRegistry(call);
  // Records the whole call, from its first event, for Behind the Scenes (open or not); ?recorder=0 is for
  // the bts-cost benchmark only (docs/benchmarks.md), which measures a call without it.
  const recorder = new URLSearchParams(location.search).get('recorder') === '0' ? null : new Recorder(call);
  window.__scratch.recorder = recorder;
  bindBehindTheScenes(recorder, call);
  const files = new FileTransfers();
  window.__scratch.files = files;
  filesView.bindFiles(files);
  const presence = wirePresence(call, chatView.showChatNotice);
  const screenShare = wireScreenShare(call, presence.presence);
  wireLayout(presence.speaking);
  const reactions = wireReactions(call, presence.presence);
  window.__scratch.reactions = reactions.reactions;
  bindInvite(callUrl(location.origin, room));
  if (media.preferred.speaker) grid.setSpeaker(media.preferred.speaker).catch(() => {});

  const showLocalMedia = () => {
    grid.showLocal(media.stream, call.name);
    grid.setLocalVideoShown(Boolean(media.videoTrack) && media.videoEnabled);
    grid.setLocalMuted(!media.audioEnabled);
    screens.showMediaProblem(media.problem?.message ?? null);
    controls.showAvailable({audio: Boolean(media.audioTrack), video: Boolean(media.videoTrack)});
    controls.showMuted(!media.audioEnabled);
    controls.showCameraOff(!media.videoEnabled);
  };

  let waiting = null;
  const waitThenJoin = async (wait) => {
    waiting?.abort();
    waiting = wait ? new AbortController() : null;
    if (wait && await waitForPlace(room, {signal: waiting.signal, onStatus: screens.showWaitStatus})) call.join();
  };

  events.release({
    state: ({detail: {state, reason, code}}) => {
      if (state === CallState.JOINING) {
        roomAccess.hidePasswordForm();
        screens.showCall();
      } else if (state === CallState.IN_CALL) {
        waiting = null;
      } else if (state === CallState.LEFT || state === CallState.FAILED) {
        presence.ended();
        screenShare.ended();
        reactions.ended();
        grid.clear();
        chatView.clearChat();
        const failed = state === CallState.FAILED;
        roomAccess.hideRoomState();
        if (code === 'password-required' || code === 'wrong-password') {
          screens.showEnd({title: 'This room needs its password', reason, canRejoin: false});
          roomAccess.askPassword(code === 'wrong-password', (password) => {
            call.setPassword(password);
            rememberPassword(room, password);
            call.join();
          });
          return;
        }
        if (code === 'room-full') {
          screens.showRoomFull(room, waitThenJoin, waiting !== null);
          // Waiting already, and someone else took the place that came free: wait on.
          if (waiting) waitThenJoin(true);
          return;
        }
        screens.showEnd({
          title: failed ? 'Could not join the call' : 'You left the call',
          reason: failed ? reason : `Room ${room}`,
          canRejoin: true,
          // A join the server refused (with a code: locked, token, name...) is no connection problem.
          offerCheck: failed && !code,
        }, () => call.join());
      }
    },
    'local-media': ({detail}) => {
      showLocalMedia();
      presence.localMedia(detail);
    },
    welcome: ({detail}) => {
      presence.welcome(detail);
      grid.setLocalName(call.name);
    },
    'room-state': ({detail}) => roomAccess.showRoomState(detail),
    'signaling-state': ({detail: {state}}) => controls.showSignalingState(state),
    'peer-added': ({detail: {peer}}) => {
      grid.addRemote(peer.peerId, peer.name);
      grid.setConnectionState(peer.peerId, peer.connectionState);
      files.attach(peer);
      filesView.addPeer(peer.peerId, peer.name);
      presence.peerAdded({peer});
      screenShare.peerAdded(peer);
    },
    'peer-state': ({detail: {peerId, state}}) => grid.setConnectionState(peerId, state),
    'peer-track': ({detail: {peerId, stream}}) => grid.setRemoteStream(peerId, stream),
    'peer-removed': ({detail}) => {
      grid.removeRemote(detail.peerId);
      files.detach(detail.peerId);
      filesView.removePeer(detail.peerId);
      presence.peerRemoved(detail);
      screenShare.peerRemoved(detail.peerId);
      reactions.peerRemoved(detail.peerId);
    },
    'peer-message': ({detail: {peerId, data}}) => presence.message({peerId, data}) || chat.receive(peerId, data),
  }, {every: (event) => recorder?.record(event)});
  // The name shown is the one signaling gave the sender, not the one its message claims.
  // A frame from a peer signaling does not know (any more) is not shown: it has no name to be shown under.
  chat.addEventListener('message', ({detail}) => {
    const sender = detail.local ? {name} : call.peers.get(detail.from);
    if (sender) chatView.showChatMessage({...detail, name: sender.name});
  });
  media.addEventListener('trackchange', showLocalMedia);
  media.addEventListener('devicelost', ({detail: {kind, lost, now}}) => {
    const what = kind === 'video' ? 'camera' : 'microphone';
    presence.notice(now ? `Your ${what} ${lost} went away; now using ${now}.` : `Your ${what} ${lost} went away, and no other was found.`);
  });

  roomAccess.bindLock((locked) => call.lockRoom(locked));
  chatView.bindChat((text) => chat.send(text, {from: call.localPeerId ?? '', name}));
  controls.bindControls({
    onMute: (muted) => {
      media.setAudioEnabled(!muted);
      controls.showMuted(muted);
      grid.setLocalMuted(muted);
      presence.setMuted(muted);
    },
    onCamera: (off) => {
      media.setVideoEnabled(!off);
      controls.showCameraOff(off);
      grid.setLocalVideoShown(!off && Boolean(media.videoTrack));
      presence.setCameraOff(off);
    },
    onLeave: () => call.leave(),
    onCopyLink: async () => {
      const link = callUrl(location.origin, room);
      // The clipboard API needs a secure context and focus; the prompt lets the person copy by hand.
      try {
        await navigator.clipboard.writeText(link);
      } catch {
        window.prompt('Copy this link', link);
      }
    },
    listDevices: async () => ({...await media.listDevices(), ...media.deviceIds}),
    onDevice: async (kind, deviceId) => {
      if (kind !== 'speaker') return media.useDevice(kind, deviceId);
      await grid.setSpeaker(deviceId);
      media.preferred.speaker = deviceId;
    },
  });
}

