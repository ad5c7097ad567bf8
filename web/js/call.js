import {Peer, isPolite} from './peer.js';
import {Signaling} from './signaling.js';

/**
 * How long, after a server restart, the peer connections to those not back yet are kept: the server takes
 * them back within its resume window of starting (15 s by default), and their reconnect backoff is at most
 * about 10 s.
 */
const RESTORE_GRACE_MS = 30000;

/** Values of {@link Call#state}. */
export const CallState = Object.freeze({
  IDLE: 'idle',
  JOINING: 'joining',
  IN_CALL: 'in-call',
  LEFT: 'left',
  FAILED: 'failed',
});

/**
 * Every event type a {@link Call} dispatches, so that a recorder can listen to all of them (the call page
 * holds them all until it listens, see held-events.js); a new event must be added here.
 */
export const CALL_EVENTS = Object.freeze(['state', 'signaling-state', 'welcome', 'local-media', 'peer-added',
  'peer-removed', 'peer-state', 'peer-track', 'peer-message', 'peer-failure', 'peer-negotiation',
  'signaling-frame', 'server-event', 'room-state']);

/**
 * One visit to one room: the local media, the signaling connection and a {@link Peer} per other
 * participant. Everyone creates a peer connection to everyone (a mesh) and adds their tracks; the one
 * already in the room makes the first offer, and after that perfect negotiation sorts out who offers.
 *
 * Events (CustomEvent), all listed in {@link CALL_EVENTS}: `state` ({state, reason}), `signaling-state`
 * ({state}), `welcome` ({peerId, peers}: those already in the room), `peer-added` ({peer}), `peer-removed` ({peerId, reason}), `peer-state`
 * ({peerId, state}), `peer-track` ({peerId, stream}), `peer-message` ({peerId, data}), `local-media`
 * ({media}); and for a trace, `signaling-frame` (a {@link Signaling} `frame`: {direction, text, message,
 * at}), `peer-negotiation` ({peerId, step, at, ...}: a {@link Peer} `negotiation`) and `peer-failure`
 * ({peerId, error}); and, while {@link Call#observeServer} is on, `server-event` ({event}: what the server
 * saw of this peer, docs/protocol.md).
 */
export class Call extends EventTarget {
  #signaling = null;
  #signalingUrl;
  #createSignaling;
  #createPeer;
  #iceServers = [];
  #restartsOfClosedPeers = 0;
  /** After a server restart: peers not back yet, and the timer that gives up on them. */
  #returning = new Set();
  #returningTimer = null;
  #reconnectsOfClosedSessions = 0;
  #observingServer = false;
  /** Peer ids in the order they came into the room, this page's own included: the first is the host. */
  #arrivals = [];
  /** The last `room-state`: {locked, host, password}. */
  #roomState = {locked: false, host: null, password: false};
  /** What the last `room-state` event said, so that one is sent only for a change. */
  #shownRoomState = JSON.stringify({locked: false, password: false, isHost: false});

  /**
   * @param {object} options
   * @param {string} options.room
   * @param {string} options.name
   * @param {string} options.signalingUrl
   * @param {import('./media.js').LocalMedia} options.media
   * @param {(url: string) => Signaling} [options.createSignaling] makes the signaling connection of each
   *     join; another one replays a recorded call or stands in for the server in a test
   * @param {(options: object) => Peer} [options.createPeer] makes a {@link Peer} from its constructor's
   *     options, for the same reasons
   */
  constructor({room, name, signalingUrl, media, password, token, createSignaling = (url) => new Signaling(url),
    createPeer = (options) => new Peer(options)}) {
    super();
    this.room = room;
    this.name = name;
    /** The room's password and a join token, sent with every join; {@link setPassword} changes the first. */
    this.access = {password, token};
    this.media = media;
    this.#signalingUrl = signalingUrl;
    this.#createSignaling = createSignaling;
    this.#createPeer = createPeer;
    this.state = CallState.IDLE;
    this.localPeerId = null;
    /** @type {Map<string, Peer>} */
    this.peers = new Map();
    /** Times fresh ICE servers (TURN credentials) arrived and were applied; a test hook. */
    this.iceServerRefreshes = 0;
    media.addEventListener('trackchange', ({detail: {track}}) => {
      for (const peer of this.peers.values()) peer.setLocalTrack(track, media.stream);
    });
  }

  get signaling() {
    return this.#signaling;
  }

  /** ICE restarts started by this page, over all peers it had. */
  get restarts() {
    let total = this.#restartsOfClosedPeers;
    for (const peer of this.peers.values()) total += peer.restarts;
    return total;
  }

  /** Times the signaling connection dropped and this page joined again. */
  get reconnects() {
    return this.#reconnectsOfClosedSessions + (this.#signaling?.reconnects ?? 0);
  }

  /**
   * Opens camera and microphone (whatever can be had) and joins the room, both at once: the server's
   * welcome is often there before the camera. Signaling events wait for the media, in order, so that
   * every peer connection starts with the local tracks and its first offer or answer carries them.
   */
  join() {
    if (this.state === CallState.JOINING || this.state === CallState.IN_CALL) return;
    this.#setState(CallState.JOINING);
    const signaling = this.#createSignaling(this.#signalingUrl);
    this.#signaling = signaling;
    const current = () => this.#signaling === signaling;
    const mediaReady = this.media.start().then(() => {
      if (!current()) {
        this.media.stop();
        return;
      }
      this.#emit('local-media', {media: this.media});
    });
    const afterMedia = (handle) => ({detail}) => mediaReady.then(() => {
      if (current()) handle(detail);
    });
    signaling.addEventListener('state', ({detail}) => this.#emit('signaling-state', detail));
    signaling.addEventListener('frame', ({detail}) => this.#emit('signaling-frame', detail));
    signaling.addEventListener('server-event', ({detail: {event}}) => this.#emit('server-event', {event}));
    signaling.addEventListener('welcome', afterMedia((detail) => this.#onWelcome(detail)));
    signaling.addEventListener('ice-servers', afterMedia(({iceServers}) => this.#useIceServers(iceServers)));
    signaling.addEventListener('peer-joined', afterMedia(({peer}) => this.#addPeer(peer, {offersFirst: true})));
    signaling.addEventListener('peer-left', afterMedia(({peerId, reason}) => this.#removePeer(peerId, reason)));
    signaling.addEventListener('signal', afterMedia(({from, payload}) => this.peers.get(from)?.handleSignal(payload)));
    signaling.addEventListener('error', afterMedia((detail) => this.#onServerError(detail)));
    signaling.addEventListener('protocol-error', ({detail: {error}}) => console.warn('signaling:', error.message));
    if (this.#observingServer) signaling.observe(true);
    signaling.addEventListener('room-state', ({detail}) => {
      this.#roomState = {locked: detail.locked, host: detail.host, password: detail.password};
      this.#emitRoomState();
    });
    signaling.join(this.room, this.name, this.access);
  }

  /** For the next join: the password the person typed when the room asked for one. */
  setPassword(password) {
    this.access = {...this.access, password};
  }

  /** Locks the room to new joins, or unlocks it; the server refuses unless this page is the host. */
  lockRoom(locked) {
    this.#signaling?.lock(locked);
  }

  /**
   * Whether the room is locked, and whether this page is its host: the oldest member, as the server counts it
   * (docs/protocol.md, `room-state`).
   */
  get roomState() {
    const present = this.#arrivals.filter((id) => id === this.localPeerId || this.peers.has(id) || this.#returning.has(id));
    // The server's word when it gave one and that peer is still here; else the oldest member.
    const host = present.includes(this.#roomState.host) ? this.#roomState.host : present[0] ?? null;
    return {locked: this.#roomState.locked, password: this.#roomState.password, isHost: host !== null && host === this.localPeerId};
  }

  #emitRoomState() {
    const state = this.roomState;
    const shown = JSON.stringify(state);
    if (shown === this.#shownRoomState) return;
    this.#shownRoomState = shown;
    this.#emit('room-state', state);
  }

  /**
   * Asks the server for `server-event`s about this peer (Behind the Scenes), or to stop them. Kept for the
   * rest of the visit: asked again after a resume and on a rejoin.
   */
  observeServer(enabled) {
    this.#observingServer = enabled === true;
    this.#signaling?.observe(this.#observingServer);
  }

  /** Leaves the room: tells the server, closes every peer connection and releases camera and microphone. */
  leave(reason = 'left') {
    if (this.state === CallState.LEFT || this.state === CallState.FAILED) return;
    this.#end(CallState.LEFT, reason);
  }

  /** Puts `frame` on every open chat channel. */
  broadcast(frame) {
    for (const peer of this.peers.values()) peer.send(frame);
  }

  #onWelcome({peerId, name, peers, iceServers, resumed, restored}) {
    this.#iceServers = iceServers;
    // The server's word: a join token's name, or "Alice (2)" when someone in the room is Alice already.
    if (name) this.name = name;
    if (resumed) {
      for (const peer of this.peers.values()) peer.useIceServers(iceServers);
      // Back with the same peer id: the connections carried on; only catch up on who came and went.
      const present = new Set(peers.map((p) => p.peerId));
      const absent = [...this.peers.keys()].filter((id) => !present.has(id));
      // After a server restart the others come back one by one (a peer-joined each): wait for them.
      if (restored) this.#awaitReturn(absent);
      else for (const id of absent) this.#removePeer(id, 'left');
    } else {
      for (const id of [...this.peers.keys()]) this.#removePeer(id, 'rejoined');
    }
    this.localPeerId = peerId;
    // Those in the welcome came first unless this is a resume, where those not known yet came while away.
    const known = new Set(this.#arrivals);
    this.#arrivals = resumed ?
      [...this.#arrivals.filter((id) => id === peerId || peers.some((p) => p.peerId === id)),
        ...peers.map((p) => p.peerId).filter((id) => !known.has(id))] :
      [...peers.map((p) => p.peerId), peerId];
    this.#setState(CallState.IN_CALL);
    this.#emit('welcome', {peerId, peers});
    // Those listed were here before us, so they offer first. After a resume, one we do not know yet came
    // while we were away and found us in its own welcome: to it we are the one already here.
    for (const peer of peers) this.#addPeer(peer, {offersFirst: resumed});
    this.#emitRoomState();
  }

  /** Fresh TURN credentials: for the peers made from now on and for every ICE restart of those there are. */
  #useIceServers(iceServers) {
    this.#iceServers = iceServers;
    for (const peer of this.peers.values()) peer.useIceServers(iceServers);
    this.iceServerRefreshes++;
  }

  /**
   * @param {{peerId: string, name: string}} remote
   * @param {{offersFirst: boolean}} role true when `remote` joined after us: the one already in the room
   *     makes the first offer, since its camera and connection are ready while the newcomer's page still
   *     loads, and the newcomer then finds an offer waiting instead of making one and waiting for the answer
   */
  #addPeer({peerId, name}, {offersFirst}) {
    this.#returning.delete(peerId);
    if (this.peers.has(peerId) || peerId === this.localPeerId) return;
    const peer = this.#createPeer({
      peerId,
      name,
      polite: isPolite(this.localPeerId, peerId),
      offersFirst,
      iceServers: this.#iceServers,
      sendSignal: (payload) => this.#signaling.sendSignal(peerId, payload),
      tracks: this.media.senders,
    });
    this.peers.set(peerId, peer);
    peer.addEventListener('connectionstatechange', ({detail: {state}}) => this.#emit('peer-state', {peerId, state}));
    peer.addEventListener('track', () => this.#emit('peer-track', {peerId, stream: peer.remoteStream}));
    peer.addEventListener('message', ({detail: {data}}) => this.#emit('peer-message', {peerId, data}));
    peer.addEventListener('failure', ({detail: {error}}) => this.#emit('peer-failure', {peerId, error}));
    peer.addEventListener('negotiation', ({detail}) => this.#emit('peer-negotiation', {peerId, ...detail}));
    if (!this.#arrivals.includes(peerId)) this.#arrivals.push(peerId);
    this.#emit('peer-added', {peer});
    this.#emitRoomState();
  }

  /** Keeps the peer connections to `ids` while they come back after a server restart; drops those that don't. */
  #awaitReturn(ids) {
    for (const id of ids) this.#returning.add(id);
    clearTimeout(this.#returningTimer);
    this.#returningTimer = setTimeout(() => {
      for (const id of this.#returning) this.#removePeer(id, 'disconnected');
      this.#returning.clear();
    }, RESTORE_GRACE_MS);
  }

  #removePeer(peerId, reason) {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    this.peers.delete(peerId);
    this.#restartsOfClosedPeers += peer.restarts;
    peer.close();
    this.#arrivals = this.#arrivals.filter((id) => id !== peerId);
    this.#emit('peer-removed', {peerId, reason});
    this.#emitRoomState();
  }

  #onServerError({code, message, request}) {
    if (request === 'join') this.#end(CallState.FAILED, message || code, code);
    else console.warn(`signaling error ${code}: ${message}`);
  }

  #end(state, reason, code) {
    clearTimeout(this.#returningTimer);
    this.#returning.clear();
    for (const id of [...this.peers.keys()]) this.#removePeer(id, 'left');
    if (this.#signaling) {
      this.#reconnectsOfClosedSessions += this.#signaling.reconnects;
      this.#signaling.leave();
      this.#signaling = null;
    }
    this.media.stop();
    this.localPeerId = null;
    this.#arrivals = [];
    this.#roomState = {locked: false, host: null, password: false};
    this.#shownRoomState = JSON.stringify({locked: false, password: false, isHost: false});
    this.#setState(state, reason, code);
  }

  /** `code`: the server's error code when a refused join ended the call (e.g. `room-full`). */
  #setState(state, reason, code) {
    this.state = state;
    this.#emit('state', code ? {state, reason, code} : {state, reason});
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}
