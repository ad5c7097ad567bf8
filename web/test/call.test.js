import {CALL_EVENTS, Call} from '../js/call.js';
import {isPolite} from '../js/peer.js';
import {assert, test} from './runner.js';

/** Stands in for Signaling: records what the call asks of it; `receive` dispatches what the server would. */
class FakeSignaling extends EventTarget {
  constructor(url) {
    super();
    this.url = url;
    this.joined = null;
    this.sent = [];
    this.left = false;
    this.reconnects = 0;
    this.observing = [];
  }

  observe(enabled) {
    this.observing.push(enabled);
  }

  join(room, name, access) {
    this.joined = {room, name};
    this.access = access;
  }

  lock(locked) {
    this.locks = [...(this.locks ?? []), locked];
  }

  sendSignal(to, payload) {
    this.sent.push({to, payload});
  }

  leave() {
    this.left = true;
  }

  receive(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}

/** Stands in for Peer: keeps its options and what it was given; `fire` dispatches as the real one would. */
class FakePeer extends EventTarget {
  constructor(options) {
    super();
    this.options = options;
    this.peerId = options.peerId;
    this.name = options.name;
    this.remoteStream = {of: options.peerId};
    this.restarts = 0;
    this.signals = [];
    this.localTracks = [];
    this.sentData = [];
    this.closed = false;
  }

  get connectionState() {
    return 'new';
  }

  handleSignal(payload) {
    this.signals.push(payload);
  }

  useIceServers(iceServers) {
    this.iceServers = iceServers;
  }

  setLocalTrack(track, stream) {
    this.localTracks.push({track, stream});
  }

  send(data) {
    this.sentData.push(data);
    return true;
  }

  close() {
    this.closed = true;
  }

  fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}

/** Stands in for LocalMedia; `start` resolves when the test says so (at once by default). */
class FakeMedia extends EventTarget {
  constructor(ready) {
    super();
    this.stream = {local: true};
    this.senders = [{track: 'audio', stream: this.stream}];
    this.started = 0;
    this.stopped = 0;
    this.ready = ready;
  }

  start() {
    this.started++;
    return this.ready;
  }

  stop() {
    this.stopped++;
  }
}

/** A call on fakes; `of(type)` is the details of the call's events of that type, in order. */
function setUp({mediaReady = Promise.resolve()} = {}) {
  const signalings = [];
  const made = [];
  const media = new FakeMedia(mediaReady);
  const call = new Call({room: 'r1', name: 'Ann', signalingUrl: 'ws://test/ws', media,
    createSignaling: (url) => {
      signalings.push(new FakeSignaling(url));
      return signalings.at(-1);
    },
    createPeer: (options) => {
      made.push(new FakePeer(options));
      return made.at(-1);
    },
  });
  const events = [];
  const dispatch = call.dispatchEvent.bind(call);
  // Seen here whether or not anyone listens: every type must be in CALL_EVENTS, or a recorder misses it.
  call.dispatchEvent = (event) => {
    events.push({type: event.type, detail: event.detail});
    return dispatch(event);
  };
  const of = (type) => events.filter((e) => e.type === type).map((e) => e.detail);
  const types = () => events.map((e) => e.type).filter((t) => t !== 'signaling-state');
  const peer = (peerId) => made.filter((p) => p.peerId === peerId).at(-1);
  const checkEventsListed = () => {
    const unlisted = events.map((e) => e.type).filter((t) => !CALL_EVENTS.includes(t));
    assert.deepEqual(unlisted, [], 'event types missing from CALL_EVENTS');
  };
  return {call, media, signalings, made, events, of, types, peer, checkEventsListed};
}

/** Lets the promise callbacks run: the call hands signaling events over once the media is ready. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** A `welcome` as Signaling hands it over; each peer's name is its id in capitals. */
const welcome = (peerId, peers, extra = {}) => ({peerId, iceServers: [{urls: 'stun:test'}], resumed: false,
  reconnected: false, peers: peers.map((id) => ({peerId: id, name: id.toUpperCase()})), ...extra});

test('call: joins through the signaling it makes; the welcome makes a peer for each one already there, who offers first', async () => {
  const h = setUp();
  h.call.join();
  assert.equal(h.call.state, 'joining');
  assert.equal(h.signalings.length, 1, 'one signaling');
  const s = h.signalings[0];
  assert.equal(s.url, 'ws://test/ws');
  assert.deepEqual(s.joined, {room: 'r1', name: 'Ann'});
  assert.equal(h.call.signaling, s, 'exposed as call.signaling');
  assert.equal(h.media.started, 1, 'media started');

  s.receive('welcome', welcome('m', ['a', 'z']));
  await settle();
  assert.equal(h.call.state, 'in-call');
  assert.equal(h.call.localPeerId, 'm');
  assert.deepEqual([...h.call.peers.keys()], ['a', 'z']);
  for (const id of ['a', 'z']) {
    const {options} = h.peer(id);
    assert.equal(h.call.peers.get(id), h.peer(id), `peers map holds ${id}`);
    assert.equal(options.name, id.toUpperCase(), `${id} name`);
    assert.equal(options.offersFirst, false, `${id} was here first, so it offers`);
    assert.equal(options.polite, isPolite('m', id), `${id} polite`);
    assert.deepEqual(options.iceServers, [{urls: 'stun:test'}], `${id} ice servers from the welcome`);
    assert.equal(options.tracks, h.media.senders, `${id} starts with the local tracks`);
  }
  assert.deepEqual(h.types(), ['state', 'local-media', 'state', 'welcome', 'peer-added', 'peer-added']);
  assert.deepEqual(h.of('state').map((d) => d.state), ['joining', 'in-call']);
  assert.deepEqual(h.of('welcome'), [{peerId: 'm', peers: [{peerId: 'a', name: 'A'}, {peerId: 'z', name: 'Z'}]}]);
  assert.deepEqual(h.of('peer-added').map((d) => d.peer.peerId), ['a', 'z']);
  h.checkEventsListed();
});

test('call: signaling events wait for the media, then come in order', async () => {
  let mediaStarted;
  const h = setUp({mediaReady: new Promise((resolve) => mediaStarted = resolve)});
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a']));
  s.receive('peer-joined', {peer: {peerId: 'b', name: 'B'}});
  s.receive('signal', {from: 'a', payload: {candidate: null}});
  await settle();
  assert.equal(h.made.length, 0, 'no peer before the media');
  assert.equal(h.call.state, 'joining');
  mediaStarted();
  await settle();
  assert.deepEqual(h.types(), ['state', 'local-media', 'state', 'welcome', 'peer-added', 'peer-added']);
  assert.deepEqual(h.made.map((p) => [p.peerId, p.options.offersFirst]), [['a', false], ['b', true]]);
  assert.deepEqual(h.peer('a').signals, [{candidate: null}], 'the signal reached a, made by then');
  h.checkEventsListed();
});

test('call: peer-joined adds a peer that waits for our offer; peer-left closes and removes it', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', []));
  s.receive('peer-joined', {peer: {peerId: 'b', name: 'B'}});
  s.receive('peer-joined', {peer: {peerId: 'b', name: 'B'}});
  s.receive('peer-joined', {peer: {peerId: 'm', name: 'Me'}});
  await settle();
  assert.deepEqual(h.made.map((p) => p.peerId), ['b'], 'one peer, none for a repeat or for ourselves');
  assert.equal(h.peer('b').options.offersFirst, true, 'we were here first, so we offer');
  assert.equal(h.peer('b').options.polite, isPolite('m', 'b'));

  s.receive('peer-left', {peerId: 'x', reason: 'left'});
  s.receive('peer-left', {peerId: 'b', reason: 'timeout'});
  await settle();
  assert.ok(h.peer('b').closed, 'b closed');
  assert.equal(h.call.peers.size, 0);
  assert.deepEqual(h.of('peer-removed'), [{peerId: 'b', reason: 'timeout'}], 'only a known peer is removed');
  h.checkEventsListed();
});

test('call: a signal goes to the peer it comes from; a peer\'s signals go out addressed to it', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a', 'b']));
  await settle();
  s.receive('signal', {from: 'b', payload: {description: {type: 'offer', sdp: 'v=0'}}});
  s.receive('signal', {from: 'x', payload: {candidate: null}});
  s.receive('signal', {from: 'a', payload: {candidate: null}});
  await settle();
  assert.deepEqual(h.peer('a').signals, [{candidate: null}], 'a');
  assert.deepEqual(h.peer('b').signals, [{description: {type: 'offer', sdp: 'v=0'}}], 'b');

  h.peer('b').options.sendSignal({candidate: {candidate: 'c'}});
  h.peer('a').options.sendSignal({candidate: null});
  assert.deepEqual(s.sent, [{to: 'b', payload: {candidate: {candidate: 'c'}}}, {to: 'a', payload: {candidate: null}}]);
});

test('call: a resumed welcome keeps the peers still there, drops those gone and adds one who came meanwhile, to offer to it', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a', 'b']));
  await settle();
  const a = h.peer('a');
  s.receive('welcome', welcome('m', ['a', 'c'], {resumed: true, reconnected: true}));
  await settle();
  assert.equal(h.call.peers.get('a'), a, 'a is the very same peer');
  assert.ok(!a.closed, 'a not closed');
  assert.ok(h.peer('b').closed, 'b closed');
  assert.deepEqual(h.of('peer-removed'), [{peerId: 'b', reason: 'left'}]);
  assert.deepEqual([...h.call.peers.keys()], ['a', 'c']);
  assert.equal(h.peer('c').options.offersFirst, true, 'c found us in its own welcome: we offer');
  assert.equal(h.call.localPeerId, 'm');
  assert.equal(h.call.state, 'in-call');
  h.checkEventsListed();
});

test('call: fresh ICE servers go to every peer and to those made after; a resumed welcome brings them too', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a']));
  await settle();
  const fresh = [{urls: 'turn:test', username: '2:m', credential: 'new'}];
  s.receive('ice-servers', {iceServers: fresh, iceServersTtl: 600});
  await settle();
  assert.deepEqual(h.peer('a').iceServers, fresh, 'a gathers with them at its next ICE restart');
  assert.equal(h.call.iceServerRefreshes, 1);
  s.receive('peer-joined', {peer: {peerId: 'b', name: 'B'}});
  await settle();
  assert.deepEqual(h.peer('b').options.iceServers, fresh, 'b is made with them');
  const resumed = [{urls: 'turn:test', username: '3:m', credential: 'newer'}];
  s.receive('welcome', welcome('m', ['a', 'b'], {resumed: true, reconnected: true, iceServers: resumed}));
  await settle();
  assert.deepEqual(h.peer('a').iceServers, resumed);
  assert.deepEqual(h.peer('b').iceServers, resumed);
  h.checkEventsListed();
  h.call.leave();
});

test('call: a welcome restored after a server restart keeps the peers not back yet; one announced again stays', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a', 'b']));
  await settle();
  const [a, b] = [h.peer('a'), h.peer('b')];
  s.receive('welcome', welcome('m', [], {resumed: true, reconnected: true, restored: true}));
  await settle();
  assert.ok(!a.closed && !b.closed, 'nobody dropped while the others come back');
  assert.deepEqual(h.of('peer-removed'), []);
  s.receive('peer-joined', {peer: {peerId: 'a', name: 'A'}});
  await settle();
  assert.equal(h.call.peers.get('a'), a, 'a, back, is the very same peer');
  assert.deepEqual([...h.call.peers.keys()], ['a', 'b']);
  h.call.leave();
});

test('call: a fresh welcome (back after the resume window) replaces every peer', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a']));
  await settle();
  const oldA = h.peer('a');
  s.receive('welcome', welcome('n', ['a'], {reconnected: true}));
  await settle();
  assert.ok(oldA.closed, 'the old peer closed');
  assert.deepEqual(h.of('peer-removed'), [{peerId: 'a', reason: 'rejoined'}]);
  const newA = h.call.peers.get('a');
  assert.ok(newA && newA !== oldA, 'a new peer for a');
  assert.equal(newA.options.offersFirst, false, 'a was there first');
  assert.equal(newA.options.polite, isPolite('n', 'a'), 'politeness from the new peer id');
  assert.equal(h.call.localPeerId, 'n');
});

test('call: leaving closes every peer, says leave and stops the media; the counts survive; a rejoin starts afresh', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a', 'b']));
  await settle();
  h.peer('a').restarts = 2;
  s.reconnects = 3;
  const [a, b] = [h.peer('a'), h.peer('b')];
  h.call.leave();
  assert.ok(a.closed && b.closed, 'peers closed');
  assert.deepEqual(h.of('peer-removed'), [{peerId: 'a', reason: 'left'}, {peerId: 'b', reason: 'left'}]);
  assert.ok(s.left, 'signaling left');
  assert.equal(h.media.stopped, 1, 'media stopped');
  assert.equal(h.call.state, 'left');
  assert.deepEqual(h.of('state').at(-1), {state: 'left', reason: 'left'});
  assert.equal(h.call.signaling, null);
  assert.equal(h.call.localPeerId, null);
  assert.equal(h.call.peers.size, 0);
  assert.equal(h.call.restarts, 2, 'restarts of closed peers kept');
  assert.equal(h.call.reconnects, 3, 'reconnects of the closed signaling kept');
  const events = h.events.length;
  h.call.leave();
  assert.equal(h.events.length, events, 'a second leave does nothing');

  h.call.join();
  assert.equal(h.signalings.length, 2, 'a new signaling');
  const s2 = h.signalings[1];
  s.receive('peer-joined', {peer: {peerId: 'old', name: 'Old'}});
  s2.receive('welcome', welcome('n', ['a']));
  await settle();
  assert.deepEqual([...h.call.peers.keys()], ['a'], 'only the new signaling counts');
  assert.equal(h.call.localPeerId, 'n');
  assert.equal(h.media.started, 2, 'media started again');
  assert.equal(h.call.reconnects, 3);
  h.checkEventsListed();
});

test('call: a refused join fails the call with the server\'s message; an error about anything else does not', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a']));
  s.receive('error', {code: 'rate-limited', message: 'slow down', request: 'signal'});
  await settle();
  assert.equal(h.call.state, 'in-call', 'still in the call');
  s.receive('error', {code: 'room-full', message: 'The room is full', request: 'join'});
  await settle();
  assert.equal(h.call.state, 'failed');
  assert.deepEqual(h.of('state').at(-1), {state: 'failed', reason: 'The room is full', code: 'room-full'});
  assert.ok(s.left, 'signaling closed');
  assert.ok(h.peer('a').closed, 'peer closed');
  assert.equal(h.media.stopped, 1, 'media stopped');
});

test('call: a new local track goes to every peer', async () => {
  const h = setUp();
  h.call.join();
  h.signalings[0].receive('welcome', welcome('m', ['a', 'b']));
  await settle();
  h.media.dispatchEvent(new CustomEvent('trackchange', {detail: {kind: 'video', track: 'camera 2'}}));
  for (const id of ['a', 'b']) {
    assert.deepEqual(h.peer(id).localTracks, [{track: 'camera 2', stream: h.media.stream}], id);
  }
});

test('call: signaling and peer events are passed on, those of a peer with its id', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  const frame = {direction: 'in', text: '{"type":"pong"}', message: {type: 'pong'}, at: 7};
  s.receive('state', {state: 'open'});
  s.receive('frame', frame);
  s.receive('welcome', welcome('m', ['a']));
  await settle();
  const a = h.peer('a');
  const error = new Error('boom');
  a.fire('connectionstatechange', {state: 'connecting'});
  a.fire('track', {track: 'video'});
  a.fire('message', {data: 'hi'});
  a.fire('negotiation', {step: 'answer', description: {type: 'answer', sdp: 'v=0'}, at: 9});
  a.fire('failure', {error});
  assert.deepEqual(h.of('signaling-state'), [{state: 'open'}]);
  assert.equal(h.of('signaling-frame')[0], frame, 'the frame as Signaling gave it');
  assert.deepEqual(h.of('peer-state'), [{peerId: 'a', state: 'connecting'}]);
  assert.deepEqual(h.of('peer-track'), [{peerId: 'a', stream: {of: 'a'}}]);
  assert.equal(h.of('peer-track')[0].stream, a.remoteStream, 'the remote stream itself');
  assert.deepEqual(h.of('peer-message'), [{peerId: 'a', data: 'hi'}]);
  assert.deepEqual(h.of('peer-negotiation'),
      [{peerId: 'a', step: 'answer', description: {type: 'answer', sdp: 'v=0'}, at: 9}]);
  assert.equal(h.of('peer-failure')[0].error, error);
  assert.equal(h.of('peer-failure')[0].peerId, 'a');
  h.checkEventsListed();
});

test('call: observeServer asks the signaling, passes on its server events, and asks again on a rejoin', async () => {
  const h = setUp();
  h.call.observeServer(true);
  h.call.join();
  const s = h.signalings[0];
  assert.deepEqual(s.observing, [true], 'asked before the join, asked with it');
  const event = {at: 1764763200123.456, kind: 'snapshot', peerId: 'm', room: 'r', allocations: []};
  s.receive('server-event', {type: 'server-event', event});
  assert.deepEqual(h.of('server-event'), [{event}], 'passed on at once, without waiting for the media');
  h.call.observeServer(false);
  assert.deepEqual(s.observing, [true, false]);
  h.call.observeServer(true);
  h.call.leave();
  h.call.join();
  assert.deepEqual(h.signalings[1].observing, [true], 'remembered for the rejoin');
  h.call.observeServer(false);
  h.call.leave();
  h.call.join();
  assert.deepEqual(h.signalings[2].observing, [], 'not asked once turned off');
  h.checkEventsListed();
});

test('call: broadcast puts a frame on every peer', async () => {
  const h = setUp();
  h.call.join();
  h.signalings[0].receive('welcome', welcome('m', ['a', 'b']));
  await settle();
  h.call.broadcast('{"chat":1}');
  assert.deepEqual(h.made.map((p) => p.sentData), [['{"chat":1}'], ['{"chat":1}']]);
});

test('call: the host is the oldest member, as the server counts it; room-state events come only on a change', async () => {
  const h = setUp();
  h.call.join();
  const s = h.signalings[0];
  s.receive('welcome', welcome('m', ['a']));
  s.receive('peer-joined', {peer: {peerId: 'b', name: 'B'}});
  await settle();
  assert.deepEqual(h.call.roomState, {locked: false, password: false, isHost: false}, 'a came first');
  assert.deepEqual(h.of('room-state'), [], 'nothing changed for this page');

  s.receive('peer-left', {peerId: 'a', reason: 'left'});
  await settle();
  assert.deepEqual(h.of('room-state'), [{locked: false, password: false, isHost: true}], 'a left: the next oldest is us');

  h.call.lockRoom(true);
  assert.deepEqual(s.locks, [true]);
  s.receive('room-state', {locked: true, host: 'm', password: false});
  s.receive('room-state', {locked: true, host: 'm', password: false});
  await settle();
  assert.deepEqual(h.of('room-state').at(-1), {locked: true, password: false, isHost: true});
  assert.equal(h.of('room-state').length, 2, 'the same state twice is one event');
  h.checkEventsListed();
});

test('call: a password given later goes with the next join, with the join token', async () => {
  const made = [];
  const call = new Call({room: 'r1', name: 'Ann', signalingUrl: 'ws://t', media: new FakeMedia(Promise.resolve()),
    token: 'j.w.t', createSignaling: (url) => made[made.push(new FakeSignaling(url)) - 1]});
  call.join();
  assert.deepEqual(made[0].access, {password: undefined, token: 'j.w.t'});
  made[0].receive('error', {code: 'password-required', message: 'this room needs its password', request: 'join'});
  await settle();
  call.setPassword('open sesame');
  call.join();
  assert.deepEqual(made[1].access, {password: 'open sesame', token: 'j.w.t'});
});
