import {Recorder} from '../js/bts/recorder.js';
import {readTraceFile, replayTimes, traceUpTo} from '../js/bts/trace-file.js';
import {validateTrace} from '../js/insight/trace.js';
import {Peer, isPolite} from '../js/peer.js';
import {assert, eventually, test} from './runner.js';

/** What the recorder reads of a Call: its room, name and peers (the events come through record()). */
function standInCall() {
  return {room: 'quiet-otter', name: 'Alice', localPeerId: null, peers: new Map()};
}

function event(type, detail) {
  return new CustomEvent(type, {detail});
}

test('recorder: signaling frames are kept redacted, at the time they happened, with their size in bytes', () => {
  const recorder = new Recorder(standInCall());
  const welcome = {type: 'welcome', peerId: 'p1', room: 'quiet-otter', name: 'Alice', peers: [], resumeToken: 'SECRET-TOKEN',
    iceServers: [{urls: ['turn:127.0.0.1:3478'], username: '1:p1', credential: 'SECRET-PASSWORD'}]};
  const text = JSON.stringify(welcome);
  recorder.record(event('signaling-frame', {direction: 'in', text, message: welcome, at: 12.5}));
  recorder.record(event('welcome', {peerId: 'p1'}));
  const [frame] = recorder.trace.events;
  assert.equal(frame.kind, 'signaling-frame');
  assert.equal(frame.at, 12.5);
  assert.equal(frame.type, 'welcome');
  assert.equal(frame.size, new TextEncoder().encode(text).length);
  assert.ok(!JSON.stringify(recorder.trace).includes('SECRET'), 'no secret in the trace');
  assert.equal(recorder.trace.call.localPeerId, 'p1');
  assert.equal(welcome.resumeToken, 'SECRET-TOKEN', 'the page\'s own message is left as it was');
  validateTrace(JSON.parse(JSON.stringify(recorder.exportTrace())));
});

test('recorder: a real connection\'s states, candidates, descriptions, channel and getStats samples, bounded', async () => {
  const call = standInCall();
  const recorder = new Recorder(call, {sampleIntervalMs: 50, bounds: {maxEvents: 5000, maxSamplesPerPeer: 3}});
  const peers = {};
  const relay = (to) => (payload) => setTimeout(() => peers[to].handleSignal(structuredClone(payload)));
  peers.b = new Peer({peerId: 'b', name: 'Bob', polite: isPolite('a', 'b'), offersFirst: true, iceServers: [],
    sendSignal: relay('a')});
  peers.a = new Peer({peerId: 'a', name: 'Alice', polite: isPolite('b', 'a'), offersFirst: false, iceServers: [],
    sendSignal: relay('b')});
  // Recorded from Alice's side: her connection to Bob is `peers.b` here.
  call.peers.set('b', peers.b);
  peers.b.addEventListener('negotiation', ({detail}) => recorder.record(event('peer-negotiation', {peerId: 'b', ...detail})));
  recorder.record(event('peer-added', {peer: peers.b}));
  try {
    const trace = recorder.trace;
    await eventually(() => trace.events.some((e) => e.which === 'dataChannel' && e.value === 'open')
        && (trace.dropped.samples.b ?? 0) > 0, 'an open channel and more samples than kept');
    const of = (which) => trace.events.filter((e) => e.kind === 'state' && e.which === which).map((e) => e.value);
    assert.deepEqual(of('connectionState').slice(0, 2), ['connecting', 'connected']);
    assert.deepEqual(of('signalingState').slice(0, 2), ['have-local-offer', 'stable']);
    assert.ok(of('dtlsState').includes('connected'), 'DTLS connected');
    const descriptions = trace.events.filter((e) => e.kind === 'description').map((e) => `${e.side} ${e.type}`);
    assert.deepEqual(descriptions.slice(0, 2), ['local offer', 'remote answer']);
    assert.ok(trace.events.some((e) => e.kind === 'candidate' && e.side === 'local' && e.candidate.startsWith('candidate:')),
        'a local candidate');
    assert.ok(trace.events.every((e) => e.peerId === 'b'), 'every event names the peer');
    assert.equal(trace.stats.b.length, 3, 'samples past the bound are dropped');
    assert.ok(Object.values(trace.stats.b.at(-1).report).some((s) => s.type === 'candidate-pair'), 'a whole report');
    // What stood still since the sample before (a local candidate) is that sample's object, kept once.
    const [earlier, later] = trace.stats.b.slice(-2).map((sample) => sample.report);
    const still = Object.keys(later).filter((id) => later[id].type === 'local-candidate');
    assert.ok(still.length > 0 && still.every((id) => later[id] === earlier[id]), 'unchanged entries shared');
    const times = trace.events.map((e) => e.at);
    assert.deepEqual(times, [...times].sort((x, y) => x - y), 'in time order');
    recorder.record(event('peer-removed', {peerId: 'b', reason: 'left'}));
    const kept = trace.stats.b.at(-1).at;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(trace.stats.b.at(-1).at, kept, 'no sampling after the peer left');
  } finally {
    recorder.stop();
    peers.a.close();
    peers.b.close();
  }
});

test('trace file: not JSON is said so; replay times and the trace up to a moment', () => {
  const error = assert.throws(() => readTraceFile('{not json'), 'Error');
  assert.ok(error.message.includes('not JSON'), error.message);
  const trace = {peers: [{peerId: 'b'}], events: [{at: 1, kind: 'note', text: 'x'}, {at: 5, kind: 'note', text: 'y'}],
    stats: {b: [{at: 3, report: {}}, {at: 5, report: {}}]}};
  assert.deepEqual(replayTimes(trace), [1, 3, 5]);
  const early = traceUpTo(trace, 3);
  assert.equal(early.events.length, 1);
  assert.equal(early.stats.b.length, 1);
  assert.equal(trace.events.length, 2, 'the loaded trace is left whole');
});
