import {
  addEvent, addPeer, addSample, newTrace, redact, TRACE_BOUNDS, TRACE_FORMAT, TRACE_VERSION, validateTrace,
} from '../js/insight/trace.js';
import {assert, test} from './runner.js';

const welcome = {
  type: 'welcome', peerId: 'p1', peers: [{peerId: 'p2', name: 'Bob'}],
  iceServers: [
    {urls: ['stun:203.0.113.5:3478']},
    {urls: ['turn:203.0.113.5:3478?transport=udp'], username: '1732400000:p1', credential: 's3cret',
      credentialType: 'password'},
  ],
  resumeToken: 'q0S2-token', resumed: false,
};

test('insight trace: redact removes resume tokens and TURN credentials, keeps urls and username', () => {
  const redacted = redact(welcome);
  assert.equal(redacted.resumeToken, '[redacted]');
  assert.deepEqual(redacted.iceServers, [
    {urls: ['stun:203.0.113.5:3478']},
    {urls: ['turn:203.0.113.5:3478?transport=udp'], username: '1732400000:p1'},
  ]);
  assert.deepEqual(redacted.peers, welcome.peers);
  assert.equal(welcome.resumeToken, 'q0S2-token', 'the original is left alone');
  assert.ok(!JSON.stringify(redacted).includes('s3cret'));
  assert.ok(!JSON.stringify(redacted).includes('q0S2'));
});

test('insight trace: redact finds secrets at any depth and in any case', () => {
  const redacted = redact({
    type: 'join', room: 'r', resume: 'tok',
    nested: [{deeper: {Password: 'pw', CREDENTIAL: 'c', config: {iceServers: [{url: 'turn:x', credential: 'c2'}]}}}],
    count: 3, none: null,
  });
  assert.equal(redacted.resume, '[redacted]');
  assert.equal(redacted.nested[0].deeper.Password, '[redacted]');
  assert.equal(redacted.nested[0].deeper.CREDENTIAL, '[redacted]');
  assert.deepEqual(redacted.nested[0].deeper.config.iceServers, [{url: 'turn:x'}]);
  assert.equal(redacted.count, 3);
  assert.equal(redacted.none, null);
  assert.equal(redact('plain'), 'plain');
});

test('insight trace: a new trace has the documented shape and validates', () => {
  const trace = newTrace({userAgent: 'UA', timeOrigin: 1764763200000, call: {room: 'r', localPeerId: 'p1'}});
  assert.equal(trace.format, TRACE_FORMAT);
  assert.equal(trace.version, TRACE_VERSION);
  assert.equal(trace.source, 'webrtc-scratch');
  assert.deepEqual(trace.call, {room: 'r', localPeerId: 'p1', name: null});
  addPeer(trace, {peerId: 'p2', name: 'Bob'});
  addPeer(trace, {peerId: 'p2', polite: true});
  assert.deepEqual(trace.peers, [{peerId: 'p2', name: 'Bob', polite: true}]);
  addEvent(trace, {at: 5, kind: 'signaling-state', state: 'open'});
  addEvent(trace, {at: 2, kind: 'note', text: 'earlier'});
  assert.deepEqual(trace.events.map((event) => event.at), [2, 5], 'kept in time order');
  addSample(trace, 'p2', {at: 1000, report: {T01: {type: 'transport'}}});
  assert.equal(validateTrace(JSON.parse(JSON.stringify(trace))).peers.length, 1);
  assert.throws(() => newTrace({}), 'TypeError');
});

test('insight trace: bounds drop the oldest first and count them', () => {
  const trace = newTrace({timeOrigin: 0});
  const bounds = {maxEvents: 3, maxSamplesPerPeer: 2};
  for (let at = 0; at < 5; at++) addEvent(trace, {at, kind: 'note', text: `n${at}`}, bounds);
  assert.deepEqual(trace.events.map((event) => event.text), ['n2', 'n3', 'n4']);
  assert.equal(trace.dropped.events, 2);
  for (let at = 0; at < 5; at++) addSample(trace, 'a', {at, report: {}}, bounds);
  addSample(trace, 'b', {at: 0, report: {}}, bounds);
  assert.deepEqual(trace.stats.a.map((sample) => sample.at), [3, 4]);
  assert.deepEqual(trace.dropped.samples, {a: 3});
  assert.ok(TRACE_BOUNDS.maxSamplesPerPeer >= 180, 'a few minutes at 1 Hz');
  assert.ok(Object.isFrozen(TRACE_BOUNDS));
});

test('insight trace: validateTrace names every problem clearly', () => {
  const error = assert.throws(() => validateTrace({
    format: 'something-else', version: 2, source: 'x', timeOrigin: 'now', call: null, peers: [{}],
    events: [{at: 5, kind: 'note', text: 'a'}, {at: 1, kind: 'description', peerId: 'p'}, {at: 6, kind: 'bogus'},
      {at: 7, kind: 'state', peerId: 'p', which: 'nope', value: 'x'}],
    stats: {p: [{at: 1}], q: 'no'},
  }), 'TraceFormatError');
  for (const expected of ['"format" must be "webrtc-scratch-trace"', '"version" 2', '"source"', '"timeOrigin"',
    '"call"', 'peers[0] has no "peerId"', 'events[1] is earlier', 'events[1] (description) has no "side"',
    'events[1] (description) has no "sdp"', 'events[2] has the unknown kind "bogus"',
    'events[3] (state) has the unknown "which" "nope"', 'stats["p"][0] has no "report"', 'stats["q"] must be']) {
    assert.ok(error.problems.some((text) => text.includes(expected)), `a problem says ${expected}`);
  }
  assert.ok(error.message.startsWith('not a usable webrtc-scratch-trace file: '));
  assert.ok(error.message.includes('more'), 'past ten problems the message says how many more');
  assert.equal(assert.throws(() => validateTrace([]), 'TraceFormatError').problems[0], 'the file holds no JSON object');
  assert.equal(assert.throws(() => validateTrace(null), 'TraceFormatError').problems.length, 1);
});

test('insight trace: a file without "dropped" (an older export) gets zero counts', () => {
  const trace = newTrace({timeOrigin: 0});
  delete trace.dropped;
  assert.deepEqual(validateTrace(trace).dropped, {events: 0, samples: {}});
});

test('insight trace: a join\'s room password and join token are redacted', () => {
  const redacted = redact({type: 'join', room: 'r', name: 'A', password: 'open sesame', token: 'h.p.s'});
  assert.deepEqual(redacted, {type: 'join', room: 'r', name: 'A', password: '[redacted]', token: '[redacted]'});
});
