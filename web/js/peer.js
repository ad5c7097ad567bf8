/**
 * One RTCPeerConnection to one remote peer, negotiated with the "perfect negotiation" pattern of
 * webrtc/samples (src/content/peerconnection/perfect-negotiation/js/peer.js): either side may offer
 * whenever it needs to; on a collision the polite side yields. No DOM here.
 *
 * One exception to "either side": the first offer comes from the side chosen for it (`offersFirst`).
 * Chromium 156 mishandles a collision on the very first offer when the offer being rolled back carries
 * a data channel (the answer fails with "Failed to start SCTP transport", or the polite side never
 * gathers a candidate), so the other side keeps quiet until it has applied one remote offer. Its tracks
 * and channel are in place from the start, so that first answer already carries them. Which side
 * offers first is independent of which yields in a later collision (`polite`).
 */

/** Label and id of the chat channel; `negotiated` so that both sides open it without an offer for it. */
const CHAT_CHANNEL = Object.freeze({label: 'chat', id: 0});

/**
 * Which side yields when both offer at once. Both sides compute it from the two peer ids, so exactly
 * one of them is polite.
 */
export function isPolite(localPeerId, remotePeerId) {
  return localPeerId < remotePeerId;
}

/**
 * Events (CustomEvent): `track` ({track}), `connectionstatechange` ({state}), `channelopen`,
 * `channelclose`, `message` ({data}), `failure` ({error}), `closed`, `screen` ({stream}: the remote
 * screen share changed, see {@link Peer#setRemoteScreen}).
 *
 * And `negotiation` ({step, at, ...}) for each decision of the negotiation, so that a trace shows why
 * the descriptions and candidates went as they did; `at` is the clock's time:
 * - `offer`, `answer` ({description}): a local description made and sent;
 * - `offer-ignored` ({description}): an offer that collided with ours, ignored by the impolite side;
 * - `rollback` ({description}): the polite side drops its own offer for the colliding remote one;
 * - `remote-description` ({description}): a remote description applied;
 * - `candidate-added` ({candidate}; null: the end of the remote candidates);
 * - `candidate-failed` ({candidate, error, expected}): `expected` when it belongs to an ignored offer,
 *   otherwise a `failure` follows;
 * - `ice-restart` ({restarts}): this side started an ICE restart.
 */
export class Peer extends EventTarget {
  #sendSignal;
  #disconnectedGraceMs;
  #now;
  #disconnectedTimer = null;
  #makingOffer = false;
  #ignoreOffer = false;
  #srdAnswerPending = false;
  #awaitingFirstOffer;
  #closed = false;
  /** Senders of the local screen share, apart from the camera's and microphone's. */
  #screenSenders = [];
  /** The stream id (msid) each remote track came in, to tell the remote screen share from the camera. */
  #remoteTrackStreams = new Map();
  /** Stream ids the remote peer announced as screen shares (presence), now or before. */
  #remoteScreenIds = new Set();
  #remoteScreenId = null;

  /**
   * @param {object} options
   * @param {string} options.peerId the remote peer
   * @param {string} options.name its display name
   * @param {boolean} options.polite see {@link isPolite}
   * @param {boolean} options.offersFirst whether this side makes the first offer; exactly one side of a
   *     pair must, the other waits for it
   * @param {RTCIceServer[]} options.iceServers
   * @param {(payload: object) => void} options.sendSignal sends a `signal` payload to the remote peer
   * @param {{track: MediaStreamTrack, stream: MediaStream}[]} [options.tracks] local tracks to send
   * @param {number} [options.disconnectedGraceMs] how long `disconnected` may last before an ICE restart
   * @param {() => number} [options.now] the clock of the `negotiation` events, in ms; by default
   *     `performance.now()`, as for the signaling frames, so that the two interleave in one trace
   */
  constructor({peerId, name, polite, offersFirst, iceServers, sendSignal, tracks = [], disconnectedGraceMs = 4000,
    now = () => performance.now()}) {
    super();
    this.peerId = peerId;
    this.name = name;
    this.polite = polite;
    /** ICE restarts this side has started. */
    this.restarts = 0;
    /** The remote peer's camera and microphone (every track but its screen share), for its tile. */
    this.remoteStream = new MediaStream();
    /** The remote peer's screen share, once announced (see {@link setRemoteScreen}); empty otherwise. */
    this.remoteScreen = new MediaStream();
    this.#sendSignal = sendSignal;
    this.#disconnectedGraceMs = disconnectedGraceMs;
    this.#now = now;
    this.#awaitingFirstOffer = !offersFirst;

    // max-bundle: candidates for one transport instead of one per m-line, a third of the signals, which
    // matters to the server's rate limit when a newcomer meets seven others at once.
    this.pc = new RTCPeerConnection({iceServers, bundlePolicy: 'max-bundle'});
    for (const {track, stream, screen} of tracks) {
      const sender = this.pc.addTrack(track, stream);
      if (screen) this.#screenSenders.push(sender);
    }
    this.channel = this.pc.createDataChannel(CHAT_CHANNEL.label, {negotiated: true, id: CHAT_CHANNEL.id});

    this.pc.onnegotiationneeded = () => this.#offer();
    this.pc.onicecandidate = ({candidate}) => this.#sendSignal({candidate: candidate ? candidate.toJSON() : null});
    this.pc.ontrack = ({track, streams}) => {
      this.#remoteTrackStreams.set(track, streams[0]?.id ?? '');
      this.#placeRemoteTrack(track);
      this.#emit('track', {track});
    };
    this.pc.onconnectionstatechange = () => this.#onConnectionState();
    this.channel.onopen = () => this.#emit('channelopen');
    this.channel.onclose = () => this.#emit('channelclose');
    this.channel.onmessage = ({data}) => this.#emit('message', {data});
  }

  get connectionState() {
    return this.pc.connectionState;
  }

  /**
   * Applies a `signal` payload from the remote peer.
   * @param {{description?: RTCSessionDescriptionInit, candidate?: RTCIceCandidateInit|null}} payload
   */
  async handleSignal({description, candidate}) {
    if (this.#closed) return;
    const pc = this.pc;
    try {
      if (description) {
        // An answer being applied will leave us stable by the time this offer is, so it is no collision.
        const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#srdAnswerPending);
        const offerCollision = description.type === 'offer' && !readyForOffer;
        this.#ignoreOffer = !this.polite && offerCollision;
        if (this.#ignoreOffer) {
          this.#negotiation('offer-ignored', {description});
          return;
        }
        // setRemoteDescription rolls our offer back by itself (implicit rollback).
        if (offerCollision) this.#negotiation('rollback', {description});
        this.#srdAnswerPending = description.type === 'answer';
        await pc.setRemoteDescription(description);
        this.#srdAnswerPending = false;
        this.#negotiation('remote-description', {description});
        if (description.type === 'offer') {
          this.#awaitingFirstOffer = false;
          await pc.setLocalDescription();
          this.#sendDescription();
        }
      } else if (candidate !== undefined) {
        try {
          await pc.addIceCandidate(candidate ?? undefined);
          this.#negotiation('candidate-added', {candidate});
        } catch (error) {
          // Candidates of an offer we ignored cannot be applied; that is expected.
          const expected = this.#ignoreOffer;
          this.#negotiation('candidate-failed', {candidate, error, expected});
          if (!expected) throw error;
        }
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Sends `track` in place of the current track of its kind (no renegotiation), or adds it (which
   * reuses a receive-only transceiver of that kind if there is one, and renegotiates through
   * `negotiationneeded`). The screen share's senders are not touched.
   */
  async setLocalTrack(track, stream) {
    if (this.#closed) return;
    const sender = this.pc.getSenders().find((s) => s.track?.kind === track.kind && !this.#screenSenders.includes(s));
    if (sender) {
      await sender.replaceTrack(track);
    } else {
      this.pc.addTrack(track, stream);
    }
  }

  /**
   * Sends the tracks of a screen share besides the camera (renegotiated through `negotiationneeded`);
   * the stream's id is what the presence message announces as `screen`.
   * @param {MediaStream} stream
   */
  addScreen(stream) {
    if (this.#closed) return;
    for (const track of stream.getTracks()) this.#screenSenders.push(this.pc.addTrack(track, stream));
  }

  /** Stops sending the screen share (renegotiated); the camera and microphone go on. */
  removeScreen() {
    if (this.#closed) return;
    for (const sender of this.#screenSenders) this.pc.removeTrack(sender);
    this.#screenSenders = [];
  }

  /**
   * Which of the remote peer's streams is its screen share (from its presence message), or null: its
   * tracks move to {@link remoteScreen}, out of {@link remoteStream}. Emits `screen` ({stream}).
   * @param {string|null} streamId
   */
  setRemoteScreen(streamId) {
    if (this.#closed || streamId === this.#remoteScreenId) return;
    this.#remoteScreenId = streamId;
    if (streamId) this.#remoteScreenIds.add(streamId);
    for (const track of this.#remoteTrackStreams.keys()) this.#placeRemoteTrack(track);
    this.#emit('screen', {stream: this.remoteScreen});
  }

  /**
   * New ICE servers (fresh TURN credentials) for the gathering of the next ICE restart; the connection as it
   * is carries on (setConfiguration changes no running candidate pair).
   * @param {RTCIceServer[]} iceServers
   */
  useIceServers(iceServers) {
    if (this.pc.connectionState === 'closed') return;
    this.pc.setConfiguration({...this.pc.getConfiguration(), iceServers});
  }

  /** Starts an ICE restart: new credentials in the next offer, sent through perfect negotiation. */
  restartIce() {
    if (this.#closed) return;
    this.restarts++;
    this.pc.restartIce();
    this.#negotiation('ice-restart', {restarts: this.restarts});
  }

  /** Sends `data` on the chat channel; false if it is not open. */
  send(data) {
    if (this.channel.readyState !== 'open') return false;
    this.channel.send(data);
    return true;
  }

  /** Closes the channel and the connection and ends every remote track. Local tracks are not touched. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#disconnectedTimer);
    const pc = this.pc;
    pc.onnegotiationneeded = pc.onicecandidate = pc.ontrack = pc.onconnectionstatechange = null;
    this.channel.onopen = this.channel.onclose = this.channel.onmessage = null;
    pc.close(); // closes the channel too
    for (const stream of [this.remoteStream, this.remoteScreen]) {
      for (const track of stream.getTracks()) {
        track.stop();
        stream.removeTrack(track);
      }
    }
    this.#emit('closed');
  }

  /**
   * Puts a remote track in the stream it belongs to: the screen share's while its stream is the one
   * announced, nowhere once that share has ended, else the camera's.
   */
  #placeRemoteTrack(track) {
    const streamId = this.#remoteTrackStreams.get(track);
    const screen = streamId === this.#remoteScreenId;
    const camera = !screen && !this.#remoteScreenIds.has(streamId);
    for (const [stream, belongs] of [[this.remoteScreen, screen], [this.remoteStream, camera]]) {
      const has = stream.getTracks().includes(track);
      if (belongs && !has) stream.addTrack(track);
      else if (!belongs && has) stream.removeTrack(track);
    }
  }

  async #offer() {
    // Skipped now, negotiationneeded fires again once the first answer brings us back to stable.
    if (this.#closed || this.#awaitingFirstOffer) return;
    try {
      this.#makingOffer = true;
      await this.pc.setLocalDescription();
      this.#sendDescription();
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#makingOffer = false;
    }
  }

  #sendDescription() {
    if (this.#closed) return;
    const {type, sdp} = this.pc.localDescription;
    const description = {type, sdp};
    this.#negotiation(type, {description});
    this.#sendSignal({description});
  }

  #onConnectionState() {
    const state = this.pc.connectionState;
    clearTimeout(this.#disconnectedTimer);
    if (state === 'failed') {
      this.restartIce();
    } else if (state === 'disconnected') {
      // Often heals by itself within a second or two; a restart is for a path that stays broken.
      this.#disconnectedTimer = setTimeout(() => {
        if (this.pc.connectionState === 'disconnected') this.restartIce();
      }, this.#disconnectedGraceMs);
    }
    this.#emit('connectionstatechange', {state});
  }

  #fail(error) {
    if (this.#closed) return;
    console.warn(`peer ${this.peerId}:`, error);
    this.#emit('failure', {error});
  }

  #negotiation(step, detail) {
    if (this.#closed) return;
    this.#emit('negotiation', {step, ...detail, at: this.#now()});
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}
