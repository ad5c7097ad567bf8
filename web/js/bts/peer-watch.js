/**
 * Watches one RTCPeerConnection for Behind the Scenes: its state changes, local candidates (with the
 * STUN/TURN URL that produced them), candidate errors, tracks, the DTLS transport and the data channels.
 * Listens with addEventListener only, so the Peer's own `on…` handlers stay as they are. No DOM.
 */

const PC_STATES = Object.freeze({
  signalingstatechange: 'signalingState',
  icegatheringstatechange: 'iceGatheringState',
  iceconnectionstatechange: 'iceConnectionState',
  connectionstatechange: 'connectionState',
});

/** The value each state has when a connection is made: a watch that starts late records only changes. */
const INITIAL = Object.freeze({
  signalingState: 'stable', iceGatheringState: 'new', iceConnectionState: 'new', connectionState: 'new',
});

/**
 * @param {RTCPeerConnection} pc
 * @param {RTCDataChannel[]} channels channels made before the watch (the Peer's negotiated chat channel)
 * @param {(event: object) => void} add takes an event of the trace without `at` and `peerId`
 * @return {() => void} stops watching
 */
export function watchPeerConnection(pc, channels, add) {
  const controller = new AbortController();
  const listen = (target, type, handle) => target.addEventListener(type, handle, {signal: controller.signal});

  for (const [type, which] of Object.entries(PC_STATES)) {
    if (pc[which] !== INITIAL[which]) add({kind: 'state', which, value: pc[which]});
    listen(pc, type, () => {
      add({kind: 'state', which, value: pc[which]});
      watchDtls();
    });
  }
  listen(pc, 'icecandidate', ({candidate, url}) => {
    if (!candidate?.candidate) {
      add({kind: 'end-of-candidates', side: 'local'});
      return;
    }
    // The event's url is deprecated (Chromium 156 leaves it empty); the candidate's own url replaces it.
    const server = candidate.url || url;
    add({kind: 'candidate', side: 'local', candidate: candidate.candidate, sdpMid: candidate.sdpMid,
      ...(server ? {url: server} : {})});
  });
  listen(pc, 'icecandidateerror', ({url, errorCode, errorText, address, port}) =>
    add({kind: 'candidate-error', url, errorCode, errorText, address, port}));
  // `kind` names the trace event, so the track's own kind is `trackKind`.
  listen(pc, 'track', ({track}) => add({kind: 'track', trackKind: track.kind, id: track.id}));
  listen(pc, 'datachannel', ({channel}) => watchChannel(channel));
  for (const channel of channels) watchChannel(channel);

  let dtls = null;
  function watchDtls() {
    // The DTLS transport exists once a description with a transport has been applied; with max-bundle
    // there is one for everything.
    const transport = pc.sctp?.transport ?? pc.getSenders().find((s) => s.transport)?.transport;
    if (!transport || transport === dtls) return;
    dtls = transport;
    if (transport.state !== 'new') add({kind: 'state', which: 'dtlsState', value: transport.state});
    listen(transport, 'statechange', () => add({kind: 'state', which: 'dtlsState', value: transport.state}));
  }

  function watchChannel(channel) {
    const record = () => add({kind: 'state', which: 'dataChannel', value: channel.readyState, label: channel.label});
    if (channel.readyState !== 'connecting') record();
    for (const type of ['open', 'closing', 'close']) listen(channel, type, record);
  }

  watchDtls();
  return () => controller.abort();
}
