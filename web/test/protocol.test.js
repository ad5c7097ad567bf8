import * as protocol from '../js/protocol.js';
import {assert, test} from './runner.js';

const parse = (message) => protocol.parseServerMessage(JSON.stringify(message));
const rejects = (message, where) => {
  const error = assert.throws(() => parse(message), 'ProtocolError', JSON.stringify(message));
  assert.equal(error.where, where, 'where');
};

test('protocol: builders make the messages of docs/protocol.md', () => {
  assert.deepEqual(protocol.join({room: 'r1', name: 'Ann'}), {type: 'join', room: 'r1', name: 'Ann'});
  assert.deepEqual(protocol.join({room: 'r1', name: 'Ann', resume: 'tok', id: 7}),
      {type: 'join', room: 'r1', name: 'Ann', resume: 'tok', id: 7});
  assert.deepEqual(protocol.signal('p2', {candidate: null}), {type: 'signal', to: 'p2', payload: {candidate: null}});
  assert.deepEqual(protocol.leave(), {type: 'leave'});
  assert.deepEqual(protocol.ping(), {type: 'ping'});
});

test('protocol: room names follow [A-Za-z0-9_-]{1,64}', () => {
  for (const good of ['a', 'quiet-otter-17', 'A_b-C', 'x'.repeat(64)]) assert.ok(protocol.isValidRoom(good), good);
  for (const bad of ['', 'x'.repeat(65), 'has space', 'é', 'a/b', null, 42]) assert.ok(!protocol.isValidRoom(bad), String(bad));
});

test('protocol: names are trimmed, 1 to 40 characters, without control characters', () => {
  assert.equal(protocol.normalizeName('  Ann  '), 'Ann');
  assert.equal(protocol.normalizeName('😀'.repeat(40)), '😀'.repeat(40), '40 code points, 80 UTF-16 units');
  assert.equal(protocol.normalizeName('x'.repeat(41)), null);
  assert.equal(protocol.normalizeName('   '), null);
  assert.equal(protocol.normalizeName('a\u0007b'), null);
  assert.equal(protocol.normalizeName(undefined), null);
});

test('protocol: parses every server message type', () => {
  const welcome = parse({type: 'welcome', peerId: 'p1', room: 'r', name: 'Ann', peers: [{peerId: 'p0', name: 'Bo'}],
    iceServers: [{urls: ['stun:203.0.113.5:3478']}], resumeToken: 't', resumed: false});
  assert.equal(welcome.peers[0].name, 'Bo');
  parse({type: 'peer-joined', peer: {peerId: 'p2', name: 'Cy'}});
  parse({type: 'peer-left', peerId: 'p2', reason: 'left'});
  parse({type: 'signal', from: 'p2', payload: {description: {type: 'offer', sdp: 'v=0\r\n'}}});
  parse({type: 'signal', from: 'p2', payload: {candidate: {candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0'}}});
  parse({type: 'signal', from: 'p2', payload: {candidate: null, restart: true}});
  parse({type: 'pong'});
  parse({type: 'error', code: 'room-full', message: 'full', re: 1, request: 'join'});
  parse({type: 'closing', reason: 'bye'});
});

test('protocol: refuses malformed frames and says where', () => {
  assert.equal(assert.throws(() => protocol.parseServerMessage('{'), 'ProtocolError').where, 'frame');
  rejects([], 'frame');
  rejects({type: 'nope'}, 'frame');
  rejects({type: 'welcome', peerId: 'p', room: 'r', name: 'n', peers: {}, iceServers: []}, 'welcome.peers');
  rejects({type: 'welcome', peerId: 'p', room: 'r', name: 'n', peers: [{name: 'x'}], iceServers: []}, 'welcome.peers[0].peerId');
  rejects({type: 'welcome', peerId: 'p', room: 'r', name: 'n', peers: [], iceServers: [], resumed: 'yes'}, 'welcome.resumed');
  rejects({type: 'peer-joined', peer: null}, 'peer-joined.peer');
  rejects({type: 'peer-left'}, 'peer-left.peerId');
  rejects({type: 'error', code: 'x'}, 'error.message');
});

test('protocol: a signal payload holds exactly one well-formed description or candidate', () => {
  assert.ok(protocol.isSignalPayload({description: {type: 'answer', sdp: ''}}));
  assert.ok(protocol.isSignalPayload({description: {type: 'rollback'}}));
  assert.ok(protocol.isSignalPayload({candidate: null}));
  assert.ok(!protocol.isSignalPayload({description: {type: 'offer'}}), 'offer without sdp');
  assert.ok(!protocol.isSignalPayload({description: {type: 'bogus', sdp: ''}}), 'unknown type');
  assert.ok(!protocol.isSignalPayload({description: {type: 'offer', sdp: ''}, candidate: null}), 'both');
  assert.ok(!protocol.isSignalPayload({}), 'neither');
  assert.ok(!protocol.isSignalPayload({candidate: {sdpMid: '0'}}), 'candidate without candidate string');
  rejects({type: 'signal', from: 'p', payload: {}}, 'signal.payload');
});

test('protocol: display names follow the server rules: nothing invisible, nothing hidden', () => {
  for (const bad of ['Al\u200Bice', 'evil\u202Eeman', '\u2067A\u2069', 'A\u00AD', '\u200DAlice', '\u0301\u0301',
    '\u3164', '\u00A0\u3000', 'Z\u0300\u0301\u0302\u0303\u0304']) {
    assert.equal(protocol.normalizeName(bad), null, JSON.stringify(bad));
  }
  for (const good of ['Zoë 👩‍💻', 'مهرداد\u200Cی', '李小龍', '👍🏽']) assert.equal(protocol.normalizeName(good), good);
  assert.equal(protocol.normalizeName('Zoe\u0308'), 'Zoë', 'kept in NFC, as the server keeps it');
});

test('protocol: join carries a password and a token only when given; lock; room-state is checked', () => {
  assert.deepEqual(protocol.join({room: 'r', name: 'A', password: 'pw', token: 't.o.k'}),
      {type: 'join', room: 'r', name: 'A', password: 'pw', token: 't.o.k'});
  assert.deepEqual(protocol.join({room: 'r', name: 'A', password: undefined}), {type: 'join', room: 'r', name: 'A'});
  assert.deepEqual(protocol.lock(true), {type: 'lock', locked: true});
  assert.deepEqual(parse({type: 'room-state', locked: true, host: 'p1', password: false}),
      {type: 'room-state', locked: true, host: 'p1', password: false});
  rejects({type: 'room-state', locked: 'yes', host: 'p1', password: false}, 'room-state.locked');
  rejects({type: 'room-state', locked: true, password: false}, 'room-state.host');
});
