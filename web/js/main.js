/**
 * The call page (/r/{room}): wiring only. The modules do the work; this connects their events.
 * call-start.js has usually started the call already; this shows it.
 */
import {Recorder} from './bts/recorder.js';
import {CallState} from './call.js';
import {room, startCall, startedCall} from './call-start.js';
import {Chat} from './chat.js';
import {installDebugRegistry} from './debug.js';
import {ROOM_MAX_LENGTH, isValidRoom, normalizeName} from './protocol.js';
import {callUrl} from './rooms.js';
import {NAME_STORAGE_KEY} from './settings.js';
import {bindBehindTheScenes} from './ui/bts/open-button.js';
import * as chatView from './ui/chat.js';
import * as controls from './ui/controls.js';
import * as screens from './ui/screens.js';
import {VideoGrid} from './ui/videos.js';

if (isValidRoom(room)) {
  screens.showRoom(room);
  const started = startedCall ?? startCall(room,
      await screens.askName(localStorage.getItem(NAME_STORAGE_KEY) ?? '', normalizeName));
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

/** @param {{call: import('./call.js').Call, events: import('./held-events.js').HeldEvents}} started */
function show({call, events}) {
  const {media, name} = call;
  const chat = new Chat((frame) => call.broadcast(frame));
  const grid = new VideoGrid(document.getElementById('videos'), document.getElementById('tile-template'),
      () => screens.offerSound(() => grid.enableSound()));
  installDebugRegistry(call);
  // Records the whole call, from its first event, for Behind the Scenes (open or not).
  const recorder = new Recorder(call);
  window.__scratch.recorder = recorder;
  bindBehindTheScenes(recorder, call);

  const showLocalMedia = () => {
    grid.showLocal(media.stream, name);
    grid.setLocalVideoShown(Boolean(media.videoTrack) && media.videoEnabled);
    grid.setLocalMuted(!media.audioEnabled);
    screens.showMediaProblem(media.problem?.message ?? null);
    controls.showAvailable({audio: Boolean(media.audioTrack), video: Boolean(media.videoTrack)});
  };

  events.release({
    state: ({detail: {state, reason}}) => {
      if (state === CallState.JOINING) {
        screens.showCall();
      } else if (state === CallState.LEFT || state === CallState.FAILED) {
        grid.clear();
        chatView.clearChat();
        const failed = state === CallState.FAILED;
        screens.showEnd({
          title: failed ? 'Could not join the call' : 'You left the call',
          reason: failed ? reason : `Room ${room}`,
          canRejoin: true,
        }, () => call.join());
      }
    },
    'local-media': showLocalMedia,
    'signaling-state': ({detail: {state}}) => controls.showSignalingState(state),
    'peer-added': ({detail: {peer}}) => {
      grid.addRemote(peer.peerId, peer.name);
      grid.setConnectionState(peer.peerId, peer.connectionState);
    },
    'peer-state': ({detail: {peerId, state}}) => grid.setConnectionState(peerId, state),
    'peer-track': ({detail: {peerId, stream}}) => grid.setRemoteStream(peerId, stream),
    'peer-removed': ({detail: {peerId}}) => grid.removeRemote(peerId),
    'peer-message': ({detail: {peerId, data}}) => chat.receive(peerId, data),
  }, {every: (event) => recorder.record(event)});
  chat.addEventListener('message', ({detail}) => chatView.showChatMessage(detail));
  media.addEventListener('trackchange', showLocalMedia);

  chatView.bindChat((text) => chat.send(text, {from: call.localPeerId ?? '', name}));
  controls.bindControls({
    onMute: (muted) => {
      media.setAudioEnabled(!muted);
      controls.showMuted(muted);
      grid.setLocalMuted(muted);
    },
    onCamera: (off) => {
      media.setVideoEnabled(!off);
      controls.showCameraOff(off);
      grid.setLocalVideoShown(!off && Boolean(media.videoTrack));
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
    listDevices: async () => ({
      ...await media.listDevices(),
      audio: media.audioTrack?.getSettings().deviceId ?? '',
      video: media.videoTrack?.getSettings().deviceId ?? '',
    }),
    onDevice: (kind, deviceId) => media.useDevice(kind, deviceId),
  });
}
