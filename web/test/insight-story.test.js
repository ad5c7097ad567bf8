import {tellStory} from '../js/insight/story.js';
import {addEvent, addPeer, addSample, newTrace, redact} from '../js/insight/trace.js';
import {fixtureJson, fixtureText} from './insight-fixtures.js';
import {assert, test} from './runner.js';

const BOB = 'k2Jd';
const turnUrl = 'turn:127.0.0.1:3478?transport=udp';
const welcome = (peers, iceServers) => redact({type: 'welcome', peerId: 'a1', room: 'quiet-otter', name: 'Alice',
  peers, iceServers, resumeToken: 'secret', resumed: false});

/** A call as the recorder keeps it, from real Chromium SDPs and stats: Alice offers to Bob, who joined later. */
async function recordedCall({iceServers = [], extra = []} = {}) {
  const offer = await fixtureText('sdp/chromium-offer.sdp');
  const answer = await fixtureText('sdp/chromium-answer.sdp');
  const samples = await fixtureJson('stats/chromium-samples.json');
  const trace = newTrace({timeOrigin: 1764763200000, call: {room: 'quiet-otter', localPeerId: 'a1', name: 'Alice'}});
  addPeer(trace, {peerId: BOB, name: 'Bob', polite: false});
  const state = (at, which, value, more = {}) => ({at, kind: 'state', peerId: BOB, which, value, ...more});
  const events = [
    {at: 100, kind: 'media', devices: [{kind: 'audio', label: 'Fake Default Audio Input'},
      {kind: 'video', label: 'fake_device_0'}],
    tracks: [{kind: 'audio', label: 'Fake Default Audio Input'},
      {kind: 'video', label: 'fake_device_0', width: 640, height: 480, frameRate: 30}]},
    {at: 110, kind: 'signaling-state', state: 'connecting'},
    {at: 150, kind: 'signaling-state', state: 'open'},
    {at: 151, kind: 'signaling-frame', direction: 'out', type: 'join', size: 40,
      message: redact({type: 'join', room: 'quiet-otter', name: 'Alice'})},
    {at: 170, kind: 'signaling-frame', direction: 'in', type: 'welcome', size: 400, message: welcome([], iceServers)},
    {at: 900, kind: 'signaling-frame', direction: 'in', type: 'peer-joined', size: 60,
      message: {type: 'peer-joined', peer: {peerId: BOB, name: 'Bob'}}},
    {at: 910, kind: 'negotiation', peerId: BOB, step: 'offer'},
    {at: 910, kind: 'description', peerId: BOB, side: 'local', type: 'offer', sdp: offer},
    state(911, 'iceGatheringState', 'gathering'),
    {at: 912, kind: 'signaling-frame', direction: 'out', type: 'signal', size: 8300,
      message: {type: 'signal', to: BOB, payload: {description: {type: 'offer', sdp: offer}}}},
    state(960, 'iceGatheringState', 'complete'),
    {at: 1020, kind: 'description', peerId: BOB, side: 'remote', type: 'answer', sdp: answer},
    {at: 1025, kind: 'candidate', peerId: BOB, side: 'remote', sdpMid: '0',
      candidate: 'candidate:1 1 udp 2122260223 192.0.2.3 50000 typ host generation 0'},
    state(1030, 'iceConnectionState', 'checking'),
    state(1060, 'iceConnectionState', 'connected'),
    state(1075, 'dtlsState', 'connected'),
    state(1080, 'connectionState', 'connected'),
    {at: 1085, kind: 'track', peerId: BOB, trackKind: 'video', id: 'v1'},
    state(1090, 'dataChannel', 'open', {label: 'chat'}),
    {at: 1300, kind: 'first-frame', peerId: BOB, trackKind: 'video'},
    ...extra,
  ];
  for (const event of events) addEvent(trace, event);
  samples.forEach((sample, i) => addSample(trace, BOB, {at: 1100 + i * 1000, report: sample.report}));
  return trace;
}

const find = (story, text) => story.find((line) => line.title.includes(text));

test('insight story: a good call told step by step, in time order, each line complete', async () => {
  const story = tellStory(await recordedCall());
  const titles = story.map((line) => line.title);
  for (const expected of ['Camera and microphone granted', 'Signaling connected', 'Joined the room quiet-otter',
    'Bob joined the room', 'We make the offer to Bob', 'Offer created and sent through the server (8300 bytes)',
    'ICE gathering:', 'Answer received from Bob', 'Connectivity checks succeeded', 'The winning pair: host ↔ host over UDP',
    'DTLS handshake done', 'Data channel "chat" open', 'First video frame decoded from Bob']) {
    assert.ok(titles.some((title) => title.includes(expected)), `a line "${expected}" in ${JSON.stringify(titles)}`);
  }
  assert.deepEqual(story.map((line) => line.at), story.map((line) => line.at).sort((a, b) => a - b), 'time order');
  for (const line of story) {
    assert.ok(['signaling', 'sdp', 'ice', 'states', 'charts', 'server'].includes(line.section), line.title);
    assert.ok(['ok', 'warning', 'failed'].includes(line.status), line.title);
    const sentences = line.detail.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
    assert.ok(sentences >= 1 && sentences <= 4 && line.detail.length < 700, `short detail: ${line.title}: ${line.detail}`);
    assert.ok(line.duration === null || line.duration >= 0, line.title);
  }
  assert.ok(story.every((line) => line.status === 'ok'), `all ok: ${story.filter((l) => l.status !== 'ok')
    .map((l) => l.title)}`);
});

test('insight story: the lines carry the facts and the durations of their steps', async () => {
  const story = tellStory(await recordedCall());
  assert.ok(find(story, 'Camera').detail.includes('640×480 at 30 frames per second'));
  assert.ok(find(story, 'Camera').detail.includes('fake_device_0'));
  assert.equal(find(story, 'Signaling connected').duration, 40);
  assert.equal(find(story, 'Joined the room').duration, 19);
  assert.ok(find(story, 'Joined the room').detail.includes('nobody else is here yet'));
  assert.ok(find(story, 'Joined the room').detail.includes('none, so only direct (host) candidates'));
  assert.ok(find(story, 'We make the offer').detail.includes('impolite'));
  assert.equal(find(story, 'Offer created').duration, 2);
  assert.ok(find(story, 'Offer created').detail.includes('audio (opus'), find(story, 'Offer created').detail);
  assert.ok(find(story, 'Offer created').detail.includes('a data channel'));
  assert.equal(find(story, 'Answer received').duration, 110, 'from our offer to their answer');
  const gathering = find(story, 'ICE gathering');
  assert.ok(/ICE gathering: \d+ host$/.test(gathering.title), gathering.title);
  assert.equal(gathering.duration, 49);
  assert.ok(gathering.detail.includes('No TURN server is configured'));
  assert.equal(find(story, 'Connectivity checks').duration, 30);
  assert.ok(find(story, 'Connectivity checks').detail.includes('1 came from Bob'));
  assert.ok(/\d+ pairs were formed; \d+ answered\./.test(find(story, 'Connectivity checks').detail));
  const pair = find(story, 'winning pair');
  assert.equal(pair.section, 'ice');
  assert.ok(pair.detail.includes('without any server in between'));
  const dtls = find(story, 'DTLS handshake done');
  assert.equal(dtls.duration, 15);
  assert.ok(dtls.detail.includes('DTLS 1.3 with TLS_AES_128_GCM_SHA256'), dtls.detail);
  assert.ok(dtls.detail.includes('this side was the DTLS server'));
  assert.equal(find(story, 'Data channel').duration, 15);
  assert.equal(find(story, 'First video frame').duration, 215);
  assert.ok(story.every((line) => !line.detail.includes('secret')));
});

test('insight story: without STUN or TURN answers, the warnings say what is wrong and where to check', async () => {
  const iceServers = [{urls: ['stun:127.0.0.1:3478']}, {urls: [turnUrl], username: 'u'}];
  const story = tellStory(await recordedCall({iceServers, extra: [
    {at: 940, kind: 'candidate-error', peerId: BOB, url: turnUrl, errorCode: 701, errorText: 'TURN host lookup failed',
      address: '0.0.0.x', port: 0},
    {at: 941, kind: 'candidate-error', peerId: BOB, url: turnUrl, errorCode: 701, errorText: 'again', address: '', port: 0},
  ]}));
  const noSrflx = find(story, 'No server-reflexive');
  assert.equal(noSrflx.status, 'warning');
  assert.ok(noSrflx.detail.includes('blocked by a firewall'));
  const noRelay = find(story, 'No relay candidate');
  assert.equal(noRelay.status, 'warning');
  assert.ok(noRelay.detail.includes(turnUrl) && noRelay.detail.includes('/check'));
  const errors = story.filter((line) => line.title.startsWith('ICE server error 701'));
  assert.equal(errors.length, 1, 'the same error from the same server is told once');
  assert.ok(errors[0].detail.includes('could not be reached') && errors[0].detail.includes('/check'));
  assert.ok(!find(story, 'ICE gathering').detail.includes('No TURN server'));
});

test('insight story: a failed connection is told with the fix', async () => {
  const trace = newTrace({timeOrigin: 0});
  addPeer(trace, {peerId: BOB, name: 'Bob', polite: true});
  for (const event of [
    {at: 10, kind: 'signaling-frame', direction: 'in', type: 'welcome', size: 1,
      message: welcome([{peerId: BOB, name: 'Bob'}], [{urls: [turnUrl]}])},
    {at: 20, kind: 'description', peerId: BOB, side: 'remote', type: 'offer',
      sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=ice-ufrag:abcd\r\na=rtpmap:111 opus/48000/2\r\n'},
    {at: 25, kind: 'candidate', peerId: BOB, side: 'local', candidate: 'candidate:1 1 udp 2113937151 '
      + '9b36e8d1-6c7a-4b8e-8f0e-0123456789ab.local 50000 typ host generation 0'},
    {at: 30, kind: 'state', peerId: BOB, which: 'iceConnectionState', value: 'checking'},
    {at: 9000, kind: 'state', peerId: BOB, which: 'iceConnectionState', value: 'failed'},
    {at: 9001, kind: 'state', peerId: BOB, which: 'connectionState', value: 'failed'},
  ]) addEvent(trace, event);
  const story = tellStory(trace);
  assert.ok(find(story, 'Joined').detail.includes('already here: Bob'));
  assert.equal(find(story, 'Bob makes the offer').section, 'signaling');
  assert.ok(find(story, 'Bob makes the offer').detail.includes('polite one, so it gives way'));
  assert.ok(find(story, 'Offer received from Bob'));
  assert.ok(find(story, 'ICE gathering: 1 host').detail.includes('.local names (mDNS)'));
  const failed = story.filter((line) => line.status === 'failed');
  assert.equal(failed.length, 1, 'one failure line for ICE and the connection');
  assert.equal(failed[0].title, 'Connectivity checks failed');
  assert.ok(failed[0].detail.includes('no relay candidate') && failed[0].detail.includes('/check'), failed[0].detail);
  assert.ok(!find(story, 'Connectivity checks succeeded'));
});

test('insight story: renegotiation, ICE restart, crossing offers and a lost connection', async () => {
  const offer = await fixtureText('sdp/chromium-offer.sdp');
  const restart = await fixtureText('sdp/chromium-restart-offer.sdp');
  const trace = await recordedCall({extra: [
    {at: 5000, kind: 'state', peerId: BOB, which: 'connectionState', value: 'disconnected'},
    {at: 6000, kind: 'description', peerId: BOB, side: 'local', type: 'offer', sdp: offer},
    {at: 7000, kind: 'description', peerId: BOB, side: 'local', type: 'offer', sdp: restart},
    {at: 7100, kind: 'negotiation', peerId: BOB, step: 'offer-ignored'},
    {at: 7200, kind: 'negotiation', peerId: BOB, step: 'rollback'},
  ]});
  const story = tellStory(trace);
  assert.equal(find(story, 'Connection interrupted').status, 'warning');
  assert.ok(find(story, 'New offer (renegotiation) created'));
  const restartLine = find(story, 'ICE restart offer');
  assert.ok(restartLine.detail.includes('RFC 8445 §9'));
  assert.ok(find(story, 'Offers crossed: Bob\'s ignored').detail.includes('impolite'));
  assert.ok(find(story, 'Offers crossed: we took Bob\'s').detail.includes('polite'));
});

test('insight story: a relayed pair through our TURN server and its allocation on the server\'s side', async () => {
  const trace = newTrace({timeOrigin: 0});
  addPeer(trace, {peerId: BOB, name: 'Bob', polite: false});
  addEvent(trace, {at: 5, kind: 'signaling-frame', direction: 'in', type: 'welcome', size: 1,
    message: welcome([], [{urls: [turnUrl], username: 'u', credential: 'p'}])});
  addEvent(trace, {at: 40, kind: 'server', event: {at: 1764763200400.012, kind: 'turn-allocation', action: 'allocated',
    transport: 'udp', relayedAddress: '127.0.0.1:49160', lifetime: 600}});
  addEvent(trace, {at: 41, kind: 'server', event: {at: 1764763200401, kind: 'turn-allocation', action: 'refused',
    method: 'CreatePermission', code: 403, reason: 'Forbidden'}});
  addEvent(trace, {at: 42, kind: 'server', event: {at: 1764763200402, kind: 'turn-usage', bytesToPeer: 1}});
  addEvent(trace, {at: 50, kind: 'description', peerId: BOB, side: 'local', type: 'offer',
    sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n'});
  addEvent(trace, {at: 52, kind: 'server', event: {at: 1764763200412, kind: 'relayed', from: 'a1', to: BOB,
    signal: 'offer', size: 90, receivedAt: 1764763200411.5, sentAt: 1764763200414.25, outcome: 'sent'}});
  addEvent(trace, {at: 80, kind: 'server', event: {at: 1764763200440, kind: 'relayed', from: BOB, to: 'a1',
    signal: 'answer', size: 90, receivedAt: 1764763200440.1, sentAt: 1764763200440.3, outcome: 'sent'}});
  addEvent(trace, {at: 81, kind: 'description', peerId: BOB, side: 'remote', type: 'answer',
    sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n'});
  addSample(trace, BOB, {at: 1000, report: {
    T: {id: 'T', type: 'transport', selectedCandidatePairId: 'P', dtlsState: 'connected'},
    P: {id: 'P', type: 'candidate-pair', state: 'succeeded', nominated: true, localCandidateId: 'L',
      remoteCandidateId: 'R', currentRoundTripTime: 0.004},
    L: {id: 'L', type: 'local-candidate', candidateType: 'relay', protocol: 'udp', address: '127.0.0.1', port: 49160,
      relayProtocol: 'udp', url: turnUrl},
    R: {id: 'R', type: 'remote-candidate', candidateType: 'relay', protocol: 'udp', address: '127.0.0.1', port: 49170},
  }});
  addEvent(trace, {at: 30, kind: 'candidate', peerId: BOB, side: 'local', url: turnUrl,
    candidate: 'candidate:3 1 udp 41885439 127.0.0.1 49160 typ relay raddr 0.0.0.0 rport 0 generation 0'});
  const story = tellStory(trace);
  assert.ok(find(story, 'ICE gathering: 1 relay').detail.includes('iceTransportPolicy "relay"'));
  assert.equal(story.filter((line) => line.status !== 'ok').map((line) => line.title).join(),
    'Our TURN server refused a CreatePermission (403)', 'no srflx is expected when only relay is allowed');
  const pair = find(story, 'winning pair');
  assert.equal(pair.title, 'The winning pair: relay ↔ relay over UDP');
  assert.ok(pair.detail.includes('relayed by our TURN server'), pair.detail);
  assert.ok(pair.detail.includes('4 ms round trip'));
  assert.ok(find(story, 'Offer created').detail.endsWith('Our server passed it on in 3 ms (the server\'s side shows it).'));
  assert.ok(find(story, 'Answer received').detail.includes('passed it on in under a millisecond'));
  const allocated = find(story, 'allocated a relay address 127.0.0.1:49160');
  assert.equal(allocated.section, 'server');
  assert.equal(find(story, 'refused a CreatePermission (403)').status, 'warning');
  assert.equal(story.filter((line) => line.section === 'server').length, 2, 'usage ticks are not story lines');
  assert.ok(!JSON.stringify(story).includes('"p"'));
});

test('insight story: an empty trace has nothing to tell, and odd events do not break it', () => {
  assert.deepEqual(tellStory(newTrace({timeOrigin: 0})), []);
  const trace = newTrace({timeOrigin: 0});
  addPeer(trace, {peerId: 'x'});
  addEvent(trace, {at: 1, kind: 'description', peerId: 'x', side: 'remote', type: 'offer', sdp: 'not an sdp'});
  addEvent(trace, {at: 2, kind: 'candidate', peerId: 'x', side: 'local', candidate: 'garbage'});
  addEvent(trace, {at: 3, kind: 'media', error: 'NotAllowedError: Permission denied'});
  const story = tellStory(trace);
  assert.equal(find(story, 'Camera and microphone not available').status, 'failed');
  assert.ok(find(story, 'x makes the offer'));
  assert.ok(find(story, 'Offer received from x').detail.includes('no media sections'));
});
