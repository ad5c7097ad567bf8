import {Signaling} from '../js/signaling.js';
import {assert, eventually, test} from './runner.js';

// These run against the real server that serves this page: /ws on the same origin.
const URL = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
const room = () => `unit-${Math.random().toString(36).slice(2, 10)}`;

/** A client that records every event it gets. */
function client(options) {
  const signaling = new Signaling(URL, options);
  const events = [];
  for (const type of ['state', 'welcome', 'peer-joined', 'peer-left', 'signal', 'error', 'frame', 'server-event']) {
    signaling.addEventListener(type, ({detail}) => events.push({type, ...detail}));
  }
  const of = (type) => events.filter((e) => e.type === type);
  return {signaling, events, of};
}

test('signaling: joins, is welcomed, and the others hear of it', async () => {
  const r = room();
  const a = client();
  const b = client();
  try {
    a.signaling.join(r, 'Ann');
    await eventually(() => a.of('welcome').length === 1, 'a welcomed');
    b.signaling.join(r, 'Bo');
    await eventually(() => b.of('welcome').length === 1, 'b welcomed');
    assert.deepEqual(b.of('welcome')[0].peers.map((p) => p.name), ['Ann']);
    await eventually(() => a.of('peer-joined').length === 1, 'a told of b');
    assert.equal(a.of('peer-joined')[0].peer.peerId, b.signaling.peerId);
    assert.deepEqual(a.of('state').map((e) => e.state), ['connecting', 'open']);

    a.signaling.sendSignal(b.signaling.peerId, {candidate: null, hint: 1});
    await eventually(() => b.of('signal').length === 1, 'signal relayed');
    const {from, payload} = b.of('signal')[0];
    assert.equal(from, a.signaling.peerId, 'from');
    assert.equal(payload.candidate, null, 'candidate');
    assert.equal(payload.hint, 1, 'extra payload fields pass untouched');

    b.signaling.leave();
    assert.equal(b.signaling.state, 'closed');
    await eventually(() => a.of('peer-left').length === 1, 'a told b left');
    assert.equal(a.of('peer-left')[0].reason, 'left');
  } finally {
    a.signaling.close();
    b.signaling.close();
  }
});

test('signaling: every frame in and out is an event, with its text, its message and the given clock\'s time', async () => {
  const r = room();
  let clock = 0;
  const a = client({now: () => ++clock});
  const b = client();
  try {
    a.signaling.join(r, 'Ann');
    await eventually(() => a.of('welcome').length === 1, 'a welcomed');
    b.signaling.join(r, 'Bo');
    await eventually(() => a.of('peer-joined').length === 1, 'a told of b');
    a.signaling.sendSignal(b.signaling.peerId, {candidate: null});
    await eventually(() => b.of('signal').length === 1, 'signal relayed');
    a.signaling.leave();

    const frames = a.of('frame').filter((f) => f.message.type !== 'ping' && f.message.type !== 'pong');
    assert.deepEqual(frames.map((f) => `${f.direction} ${f.message.type}`),
        ['out join', 'in welcome', 'in peer-joined', 'out signal', 'out leave']);
    for (const f of frames) assert.deepEqual(JSON.parse(f.text), f.message, `text and message of ${f.message.type}`);
    assert.equal(frames[3].message.to, b.signaling.peerId, 'the signal as sent');
    assert.deepEqual(a.of('frame').map((f) => f.at), Array.from({length: clock}, (_, i) => i + 1),
        'times from the clock');
    const order = a.events.map((e) => e.type === 'frame' ? `${e.direction} ${e.message.type}` : e.type)
        .filter((t) => t === 'in welcome' || t === 'welcome' || t === 'in peer-joined' || t === 'peer-joined');
    assert.deepEqual(order, ['in welcome', 'welcome', 'in peer-joined', 'peer-joined'],
        'a frame comes before its event');
  } finally {
    a.signaling.close();
    b.signaling.close();
  }
});

test('signaling: after a drop it rejoins with its token, keeps its peer id and delivers what was queued', async () => {
  const r = room();
  const a = client();
  const b = client();
  try {
    a.signaling.join(r, 'Ann');
    b.signaling.join(r, 'Bo');
    await eventually(() => a.of('welcome').length && b.of('welcome').length, 'both welcomed');
    const peerId = a.signaling.peerId;

    a.signaling.dropForTest();
    await eventually(() => a.signaling.state === 'reconnecting', 'reconnecting');
    a.signaling.sendSignal(b.signaling.peerId, {candidate: null, queued: true});
    await eventually(() => a.of('welcome').length === 2, 'welcomed again');

    const again = a.of('welcome')[1];
    assert.ok(again.resumed && again.reconnected, 'resumed after a reconnect');
    assert.equal(a.signaling.peerId, peerId, 'same peer id');
    assert.equal(a.signaling.reconnects, 1);
    assert.equal(a.signaling.state, 'open');
    await eventually(() => b.of('signal').length === 1, 'queued signal delivered');
    assert.equal(b.of('signal')[0].payload.queued, true);
    assert.equal(b.of('peer-left').length + b.of('peer-joined').length, 0, 'b saw nothing of it');
  } finally {
    a.signaling.close();
    b.signaling.close();
  }
});

test('signaling: observe brings the server\'s events about this peer, and is asked again after a resume', async () => {
  const r = room();
  const a = client();
  const b = client();
  try {
    a.signaling.observe(true);
    a.signaling.join(r, 'Ann');
    b.signaling.join(r, 'Bo');
    await eventually(() => a.of('server-event').length === 1, 'a snapshot');
    const [snapshot] = a.of('server-event').map((e) => e.event);
    assert.equal(snapshot.kind, 'snapshot');
    assert.equal(snapshot.peerId, a.signaling.peerId);
    assert.equal(snapshot.room, r);
    await eventually(() => b.of('welcome').length === 1, 'b welcomed');
    b.signaling.sendSignal(a.signaling.peerId, {candidate: null});
    await eventually(() => a.of('server-event').length === 2, 'the relay told');
    const relayed = a.of('server-event')[1].event;
    assert.equal(relayed.kind, 'relayed');
    assert.equal(relayed.signal, 'end-of-candidates');
    assert.deepEqual([relayed.from, relayed.to], [b.signaling.peerId, a.signaling.peerId]);
    assert.ok(relayed.receivedAt <= relayed.sentAt, `${relayed.receivedAt} <= ${relayed.sentAt}`);
    assert.equal(b.of('server-event').length, 0, 'b, not observing, is told nothing');

    a.signaling.dropForTest();
    await eventually(() => a.of('welcome').length === 2, 'welcomed again');
    await eventually(() => a.of('server-event').length === 3, 'a new snapshot after the resume');
    assert.equal(a.of('server-event')[2].event.kind, 'snapshot');
    assert.deepEqual(a.of('frame').filter((f) => f.direction === 'out' && f.message.type === 'observe')
        .map((f) => f.message.enabled), [true, true], 'asked once per welcome');

    a.signaling.observe(false);
    // a's messages are handled in order: once b has a's signal, a's observe(false) has been handled too.
    a.signaling.sendSignal(b.signaling.peerId, {candidate: null});
    await eventually(() => b.of('signal').length === 1, 'a signal from a, after its observe(false)');
    b.signaling.sendSignal(a.signaling.peerId, {candidate: null});
    await eventually(() => a.of('signal').length === 2, 'the second signal arrived');
    assert.equal(a.of('server-event').length, 3, 'nothing once turned off');
  } finally {
    a.signaling.close();
    b.signaling.close();
  }
});

test('signaling: a server silent for too long is given up on and joined again', async () => {
  const a = client({deadAfterMs: 400, pingIntervalMs: 60000});
  try {
    a.signaling.join(room(), 'Ann');
    await eventually(() => a.signaling.reconnects >= 1, 'reconnected after the silence');
    assert.ok(a.of('state').some((e) => e.state === 'reconnecting'), 'went through reconnecting');
    assert.ok(a.of('welcome').at(-1).resumed, 'resumed');
  } finally {
    a.signaling.close();
  }
});

test('signaling: app-level pings keep a quiet connection alive', async () => {
  const a = client({deadAfterMs: 600, pingIntervalMs: 150});
  try {
    a.signaling.join(room(), 'Ann');
    await eventually(() => a.of('welcome').length === 1, 'welcomed');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(a.signaling.reconnects, 0, 'pongs count as signs of life');
  } finally {
    a.signaling.close();
  }
});

test('signaling: a refused join is reported as an error for the join', async () => {
  const a = client();
  try {
    a.signaling.join('not a valid room!', 'Ann');
    await eventually(() => a.of('error').length === 1, 'error');
    assert.equal(a.of('error')[0].code, 'bad-room-name');
    assert.equal(a.of('error')[0].request, 'join');
  } finally {
    a.signaling.close();
  }
});

test('signaling: takes over a socket the page opened before it, whether still connecting or open', async () => {
  for (const waitForOpen of [false, true]) {
    const early = new WebSocket(URL);
    const overEarly = [];
    early.addEventListener('message', ({data}) => overEarly.push(JSON.parse(data).type));
    if (waitForOpen) await eventually(() => early.readyState === WebSocket.OPEN, 'early socket open');
    globalThis.earlySignalingSocket = early;
    const a = client();
    try {
      a.signaling.join(room(), 'Ann');
      await eventually(() => a.of('welcome').length === 1, 'welcomed');
      assert.deepEqual(overEarly, ['welcome'], `the welcome came over the early socket (${waitForOpen ? 'open' : 'connecting'})`);
      assert.equal(globalThis.earlySignalingSocket, undefined, 'handed out once');
    } finally {
      a.signaling.close();
    }
    await eventually(() => early.readyState === WebSocket.CLOSED, 'closed with the signaling');
  }
});
