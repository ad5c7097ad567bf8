import {fromInternalsDump, isInternalsDump} from '../js/insight/internals-dump.js';
import {parseSdp} from '../js/insight/sdp.js';
import {toSeries} from '../js/insight/stats-series.js';
import {tellStory} from '../js/insight/story.js';
import {newTrace, validateTrace} from '../js/insight/trace.js';
import {fixtureJson} from './insight-fixtures.js';
import {assert, test} from './runner.js';

const ofPeer = (trace, peerId, kind) => trace.events.filter((event) => event.peerId === peerId && event.kind === kind);

test('insight dump: a real Chromium dump is told apart from a trace', async () => {
  const dump = await fixtureJson('webrtc-internals-dump.json');
  assert.ok(isInternalsDump(dump));
  assert.ok(!isInternalsDump(newTrace({timeOrigin: 0})));
  for (const other of [null, [], 'x', {}, {PeerConnections: null}]) assert.ok(!isInternalsDump(other), JSON.stringify(other));
  assert.ok(assert.throws(() => fromInternalsDump({format: 'x'}), 'TypeError').message.includes('PeerConnections'));
});

test('insight dump: every peer connection becomes a peer with its descriptions, candidates and states', async () => {
  const dump = await fixtureJson('webrtc-internals-dump.json');
  const trace = fromInternalsDump(dump);
  assert.equal(trace.source, 'webrtc-internals');
  assert.equal(trace.userAgent, dump.UserAgent);
  assert.ok(trace.exportedAt.endsWith('Z'));
  assert.equal(validateTrace(JSON.parse(JSON.stringify(trace))).peers.length, Object.keys(dump.PeerConnections).length);
  const [offerer, answerer] = trace.peers;
  assert.equal(offerer.name, `connection ${offerer.peerId}`);
  assert.ok(offerer.url.startsWith('http://127.0.0.1:'));
  assert.deepEqual(ofPeer(trace, offerer.peerId, 'description').map((event) => `${event.side} ${event.type}`),
    ['local offer', 'remote answer']);
  assert.deepEqual(ofPeer(trace, answerer.peerId, 'description').map((event) => `${event.side} ${event.type}`),
    ['remote offer', 'local answer'], 'the implicit setLocalDescription() is found in its success entry');
  for (const event of [...ofPeer(trace, offerer.peerId, 'description'), ...ofPeer(trace, answerer.peerId, 'description')]) {
    assert.deepEqual(parseSdp(event.sdp).media.map((section) => section.kind), ['audio', 'video', 'application']);
  }
  const candidates = ofPeer(trace, offerer.peerId, 'candidate');
  assert.ok(candidates.length > 0 && candidates.every((event) => event.side === 'local'
    && event.candidate.startsWith('candidate:') && event.sdpMid !== undefined));
  const states = (peerId, which) => ofPeer(trace, peerId, 'state').filter((e) => e.which === which).map((e) => e.value);
  assert.deepEqual(states(offerer.peerId, 'signalingState'), ['have-local-offer', 'stable']);
  assert.ok(states(offerer.peerId, 'iceConnectionState').includes('connected'));
  assert.ok(states(offerer.peerId, 'connectionState').includes('connected'));
  assert.deepEqual(states(offerer.peerId, 'dtlsState'), ['connected'], 'from the transport stats');
  assert.ok(ofPeer(trace, answerer.peerId, 'state').some((e) => e.which === 'dataChannel' && e.label === 'chat'
    && e.value === 'open'));
  assert.deepEqual(ofPeer(trace, answerer.peerId, 'track').map((event) => event.trackKind).sort(), ['audio', 'video']);
  assert.ok(ofPeer(trace, offerer.peerId, 'note').some((event) => event.text.startsWith('createDataChannel: ')));
  const media = trace.events.find((event) => event.kind === 'media');
  assert.deepEqual(media.tracks.map((track) => track.kind), ['audio', 'video']);
  assert.ok(media.tracks[1].label.length > 0);
  assert.deepEqual(trace.events.map((event) => event.at), trace.events.map((event) => event.at).sort((a, b) => a - b));
  assert.ok(trace.events[0].at >= 0);
});

test('insight dump: the stats series come back as samples that chart and tell', async () => {
  const dump = await fixtureJson('webrtc-internals-dump.json');
  const trace = fromInternalsDump(dump);
  for (const {peerId} of trace.peers) {
    const samples = trace.stats[peerId];
    assert.ok(samples.length >= 2, `${peerId}: ${samples.length} samples`);
    const last = samples[samples.length - 1].report;
    const types = new Set(Object.values(last).map((stats) => stats.type));
    for (const type of ['inbound-rtp', 'outbound-rtp', 'candidate-pair', 'transport']) assert.ok(types.has(type), type);
    assert.ok(Object.values(last).every((stats) => stats.id && stats.type && Number.isFinite(stats.timestamp)));
    const series = toSeries(samples);
    assert.ok(series.videoBitrateOut.some((value) => value > 0), `${peerId} sends video`);
    assert.ok(series.videoBitrateIn.some((value) => value > 0), `${peerId} receives video`);
  }
  const story = tellStory(trace);
  const titles = story.map((line) => line.title);
  for (const expected of ['Camera and microphone granted', 'makes the offer', 'ICE gathering', 'Answer',
    'The winning pair', 'DTLS handshake done', 'Data channel "chat" open', 'First video frame decoded']) {
    assert.ok(titles.some((title) => title.includes(expected)), `"${expected}" in ${JSON.stringify(titles)}`);
  }
  assert.ok(story.find((line) => line.title.startsWith('DTLS')).detail.includes('DTLS 1.'));
  assert.ok(!titles.some((title) => title.includes('Signaling')), 'a dump has no signaling of ours');
});

test('insight dump: older text values, candidate errors, refused media and bounds', () => {
  const dump = {
    getUserMedia: [{request_type: 'getUserMedia', timestamp: 1000, error: 'NotAllowedError',
      error_message: 'Permission denied'}],
    PeerConnections: {
      '1-1': {
        url: 'https://example.test/', rtcConfiguration: '{"iceServers":[{"urls":["turn:t.example:3478"],'
          + '"username":"u","credential":"secret"}]}',
        updateLog: [
          {type: 'setLocalDescription', value: 'type: offer, sdp: v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n',
            timestamp: 1001},
          {type: 'icecandidate', value: 'sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:1 1 udp 2122260223 '
            + '10.0.0.1 5000 typ host', timestamp: 1002},
          {type: 'onicecandidateerror', value: '{"url":"turn:t.example:3478","errorCode":701,'
            + '"errorText":"TURN allocate request timed out.","address":"10.0.0.x","port":5000}', timestamp: 1003},
          {type: 'addIceCandidate', value: '', timestamp: 1004},
          {type: 'iceconnectionstatechange', value: 'failed', timestamp: 1005},
          {type: 'close', value: '', timestamp: 1006},
          {type: 'no time', value: ''},
        ],
        stats: {'bad': {statsType: 'x', values: '[1]', startTime: '2026-01-01T00:00:00Z'}},
      },
      'junk': 'not a connection',
    },
  };
  const trace = fromInternalsDump(dump, {bounds: {maxEvents: 6, maxSamplesPerPeer: 1}});
  assert.equal(trace.timeOrigin, 1000);
  assert.deepEqual(trace.peers.map((peer) => peer.peerId), ['1-1']);
  assert.deepEqual(trace.peers[0].iceServers, [{urls: ['turn:t.example:3478'], username: 'u'}]);
  assert.ok(!JSON.stringify(trace).includes('secret'));
  assert.deepEqual(trace.events.map((event) => event.kind),
    ['description', 'candidate', 'candidate-error', 'end-of-candidates', 'state', 'note'],
    'past the bound of six events the oldest (media) went');
  assert.equal(trace.dropped.events, 1);
  const [description, candidate, error, end, state, note] = trace.events;
  assert.equal(note.text, 'close');
  const media = fromInternalsDump(dump).events[0];
  assert.equal(media.error, 'NotAllowedError: Permission denied');
  assert.equal(description.type, 'offer');
  assert.equal(candidate.sdpMid, '0');
  assert.ok(candidate.candidate.startsWith('candidate:1 1 udp'));
  assert.equal(error.errorCode, 701);
  assert.equal(error.url, 'turn:t.example:3478');
  assert.equal(end.side, 'remote');
  assert.equal(state.value, 'failed');
  assert.deepEqual(trace.stats['1-1'], [], 'a series without "<id>-<field>" is left out');
  const story = tellStory(fromInternalsDump(dump));
  assert.ok(story.some((line) => line.title === 'Camera and microphone not available'));
  assert.ok(story.some((line) => line.title.startsWith('ICE server error 701')));
  assert.ok(story.some((line) => line.title.includes('No relay candidate')));
});
