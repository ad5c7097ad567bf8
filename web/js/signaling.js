import * as protocol from './protocol.js';
import {backoffDelay} from './backoff.js';

/** Values of {@link Signaling#state}, shown to the user and to tests as-is. */
export const SignalingState = Object.freeze({
  IDLE: 'idle',
  CONNECTING: 'connecting',
  OPEN: 'open',
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
});

/** Close code this client uses for a connection it gives up on (4000–4999: private use, RFC 6455 §7.4.2). */
const CLOSE_DEAD = 4000;
/** The server's close code for abuse: reconnecting would only repeat it (docs/protocol.md). */
const CLOSE_POLICY_VIOLATION = 1008;
const OUTBOX_LIMIT = 1000;
/**
 * The global through which call.html's inline script hands over the WebSocket it opens before the
 * modules have loaded: the handshake costs round trips that can overlap the page's own loading.
 */
const EARLY_SOCKET = 'earlySignalingSocket';

/**
 * The socket the page opened early, if it goes to `url` and is still usable; handed out at most once, and
 * closed if it cannot be used.
 */
function takeEarlySocket(url) {
  const socket = globalThis[EARLY_SOCKET];
  delete globalThis[EARLY_SOCKET];
  if (socket?.url === url && socket.readyState <= WebSocket.OPEN) return socket;
  socket?.close(1000, 'not used');
  return null;
}

/** Closes the socket the page opened early, for a page that will not join now. */
export function discardEarlySocket() {
  takeEarlySocket(null);
}

/**
 * The WebSocket to the signaling server. Joins a room, keeps the connection alive with app-level
 * `ping`, notices a silent server, reconnects with backoff and rejoins with the resume token.
 * Knows nothing about RTCPeerConnection: `signal` payloads pass through untouched.
 *
 * Events (CustomEvent, `detail` is the server message unless said otherwise):
 * `state` ({state}), `welcome` (plus `reconnected`: true when it follows a drop), `peer-joined`,
 * `peer-left`, `signal`, `error`, `closing`, `ice-servers` (fresh TURN credentials, asked for by itself before
 * the last ones expire), `server-event` (while {@link Signaling#observe} is on),
 * `protocol-error` ({error}).
 *
 * And for a trace, `frame` ({direction, text, message, at}) for every text frame sent (`'out'`) or
 * received (`'in'`), pings and pongs included: `text` is the frame as on the wire, `message` the object
 * sent or parsed (null for one received that did not parse), `at` the clock's time when it was sent or
 * before it is handled, so a received frame comes before the events it causes.
 */
export class Signaling extends EventTarget {
  #url;
  #options;
  #socket = null;
  #room = null;
  #name = null;
  #joined = false;
  #access = {};
  #dropped = false;
  #attempt = 0;
  #outbox = [];
  #pingTimer = null;
  #deadTimer = null;
  #retryTimer = null;
  #observing = false;
  #refreshTimer = null;
  #iceTtl = null;

  /**
   * @param {string} url ws: or wss: URL of /ws
   * @param {object} [options]
   * @param {number} [options.pingIntervalMs]
   * @param {number} [options.deadAfterMs]
   * @param {(attempt: number) => number} [options.delay] the wait before reconnect attempt `attempt`
   * @param {() => number} [options.now] the clock of the `frame` events, in ms. The default,
   *     `performance.now()`, is monotonic, so a trace keeps its order and gaps when the wall clock is
   *     set; `performance.timeOrigin + at` gives the wall-clock time.
   */
  constructor(url, {pingIntervalMs = 10000, deadAfterMs = 25000, delay = backoffDelay,
    now = () => performance.now()} = {}) {
    super();
    this.#url = url;
    this.#options = {pingIntervalMs, deadAfterMs, delay, now};
    this.state = SignalingState.IDLE;
    this.peerId = null;
    this.resumeToken = null;
    /** Times this client joined again after a dropped connection. */
    this.reconnects = 0;
  }

  /**
   * Connects and joins `room`; after a drop, joins again by itself until {@link close}.
   * @param {{password?: string, token?: string}} [access] the room's password, a join token; sent with every join
   */
  join(room, name, access = {}) {
    if (this.state !== SignalingState.IDLE) throw new Error(`join: already ${this.state}`);
    this.#room = room;
    this.#name = name;
    this.#access = access;
    this.#open(SignalingState.CONNECTING);
  }

  /** Sends a `signal`; while the connection is down it waits in an outbox until this peer is back. */
  sendSignal(to, payload) {
    this.#sendWhenJoined(protocol.signal(to, payload));
  }

  /**
   * Asks the server for its `server-event`s about this peer, or to stop them. Kept across drops: the
   * server ends observing with the connection, so it is asked again after every welcome.
   */
  observe(enabled) {
    this.#observing = enabled === true;
    if (this.#joined) this.#sendNow(protocol.observe(this.#observing));
  }

  /** Asks the server to lock the room to new joins, or to unlock it (the host only). */
  lock(locked) {
    if (this.#joined) this.#sendNow(protocol.lock(locked));
  }

  /** Says `leave` if it can and closes for good (close code 1000: the server drops us at once). */
  leave() {
    if (this.#joined) this.#sendNow(protocol.leave());
    this.close();
  }

  close(code = 1000, reason = 'bye') {
    if (this.state === SignalingState.CLOSED) return;
    this.#stopTimers();
    clearTimeout(this.#retryTimer);
    this.#outbox = [];
    this.#joined = false;
    const socket = this.#detachSocket();
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(code, reason);
    this.#setState(SignalingState.CLOSED);
  }

  /**
   * Test hook: closes the socket as a network drop would look to the server (not 1000/1001), so the
   * server keeps this peer's place for the resume window and this client reconnects.
   */
  dropForTest() {
    this.#socket?.close(CLOSE_DEAD, 'dropped for test');
  }

  #open(state) {
    this.#setState(state);
    // The server says nothing before `join`, so a socket opened early has nothing waiting to be read.
    const socket = takeEarlySocket(this.#url) ?? new WebSocket(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#setState(SignalingState.OPEN);
      this.#sendNow(protocol.join({room: this.#room, name: this.#name, resume: this.resumeToken ?? undefined,
        ...this.#access}));
      this.#pingTimer = setInterval(() => this.#sendNow(protocol.ping()), this.#options.pingIntervalMs);
      this.#armDeadTimer();
    };
    socket.onmessage = (event) => {
      this.#armDeadTimer();
      if (typeof event.data === 'string') this.#receive(event.data);
    };
    socket.onclose = (event) => this.#onDrop(event.code);
    if (socket.readyState === WebSocket.OPEN) socket.onopen();
  }

  #receive(text) {
    let message;
    try {
      message = protocol.parseServerMessage(text);
    } catch (error) {
      this.#emitFrame('in', text, null);
      this.#emit('protocol-error', {error});
      return;
    }
    this.#emitFrame('in', text, message);
    if (message.type === protocol.ServerType.WELCOME) this.#onWelcome(message);
    else if (message.type === protocol.ServerType.ICE_SERVERS) this.#onIceServers(message);
    else if (message.type === protocol.ServerType.ERROR && message.request === 'refresh-ice-servers') {
      // Asked too soon (or refused otherwise): ask again later, while the credentials in hand still hold.
      this.#scheduleIceRefresh(this.#iceTtl, 0.1);
      this.#emit(message.type, message);
    } else if (message.type !== protocol.ServerType.PONG) this.#emit(message.type, message);
  }

  #onWelcome(message) {
    const reconnected = this.#dropped;
    const resumed = message.resumed === true && message.peerId === this.peerId;
    this.#joined = true;
    this.#dropped = false;
    this.#attempt = 0;
    this.peerId = message.peerId;
    this.resumeToken = message.resumeToken ?? null;
    if (reconnected) this.reconnects++;
    // Queued signals were addressed from the old peer id; after a fresh join they mean nothing.
    const queued = resumed ? this.#outbox : [];
    this.#outbox = [];
    queued.forEach((m) => this.#sendNow(m));
    if (this.#observing) this.#sendNow(protocol.observe(true));
    this.#scheduleIceRefresh(message.iceServersTtl);
    this.#emit(protocol.ServerType.WELCOME, {...message, resumed, reconnected});
  }

  #onIceServers(message) {
    this.#scheduleIceRefresh(message.iceServersTtl);
    this.#emit(protocol.ServerType.ICE_SERVERS, message);
  }

  /**
   * Asks for fresh ICE servers when `fraction` (three quarters) of the credentials' `ttl` seconds have passed, so
   * that an ICE restart after they would have expired still gets relay candidates; none when nothing expires.
   */
  #scheduleIceRefresh(ttl, fraction = 0.75) {
    clearTimeout(this.#refreshTimer);
    this.#iceTtl = ttl ?? null;
    if (!ttl) return;
    this.#refreshTimer = setTimeout(() => {
      if (this.#joined) this.#sendNow(protocol.refreshIceServers());
    }, ttl * fraction * 1000);
  }

  #onDrop(code) {
    this.#detachSocket();
    this.#stopTimers();
    this.#joined = false;
    if (this.state === SignalingState.CLOSED) return;
    if (code === CLOSE_POLICY_VIOLATION) {
      this.close();
      return;
    }
    this.#dropped = true;
    this.#setState(SignalingState.RECONNECTING);
    const delay = this.#options.delay(this.#attempt++);
    this.#retryTimer = setTimeout(() => this.#open(SignalingState.RECONNECTING), delay);
  }

  #armDeadTimer() {
    clearTimeout(this.#deadTimer);
    this.#deadTimer = setTimeout(() => {
      // A dead TCP connection may take minutes to report its close: give up on it now.
      const socket = this.#socket;
      this.#onDrop(CLOSE_DEAD);
      socket?.close(CLOSE_DEAD, 'server silent');
    }, this.#options.deadAfterMs);
  }

  #sendWhenJoined(message) {
    if (this.#joined) {
      this.#sendNow(message);
    } else if (this.state !== SignalingState.CLOSED) {
      if (this.#outbox.length >= OUTBOX_LIMIT) this.#outbox.shift();
      this.#outbox.push(message);
    }
  }

  #sendNow(message) {
    if (this.#socket?.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(message);
    this.#socket.send(text);
    this.#emitFrame('out', text, message);
  }

  #detachSocket() {
    const socket = this.#socket;
    if (socket) socket.onopen = socket.onmessage = socket.onclose = null;
    this.#socket = null;
    return socket;
  }

  #stopTimers() {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#refreshTimer);
    clearTimeout(this.#deadTimer);
  }

  #setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.#emit('state', {state});
  }

  #emitFrame(direction, text, message) {
    this.#emit('frame', {direction, text, message, at: this.#options.now()});
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}
