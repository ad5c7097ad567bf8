import {localCandidates} from '../js/insight/local-candidates.js';
import {tellStory} from '../js/insight/story.js';
import {addEvent, addPeer, newTrace, redact} from '../js/insight/trace.js';
import {iceSection} from '../js/ui/bts/ice.js';
import {fixtureText} from './insight-fixtures.js';
import {assert, test} from './runner.js';

const BOB = 'k2Jd';
const CAROL = 'c9Qx';
const turnUrl = 'turn:127.0.0.1:3478?transport=udp';
const relay = 'candidate:3 1 udp 41885695 127.0.0.1 49160 typ relay raddr 0.0.0.0 rport 0 generation 0';
const host = 'candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host generation 0';
const sent = (at, to, candidate) => ({at, kind: 'signaling-frame', direction: 'out', type: 'signal', size: 200,
  message: {type: 'signal', to, payload: {candidate: candidate ? {candidate, sdpMid: '0'} : null}}});

test('local candidates: events, sent signals and local descriptions, each candidate once', async () => {
  const offer = await fixtureText('sdp/chromium-offer.sdp');
  // With BUNDLE the offer repeats one transport's candidates in each media section.
  const inOffer = new Set(offer.split(/\r?\n/).filter((l) => l.startsWith('a=candidate:'))
      .map((l) => l.split(' ')).map((f) => [f[1], f[2], f[4], f[5], f[7]].join(' ')));
  const events = [
    sent(10, BOB, relay),
    sent(11, CAROL, 'candidate:9 1 udp 2122260223 192.0.2.9 50009 typ host generation 0'),
    sent(12, BOB, null),
    {at: 20, kind: 'candidate', peerId: BOB, side: 'local', candidate: relay, sdpMid: '0', url: turnUrl},
    {at: 21, kind: 'candidate', peerId: BOB, side: 'local', candidate: host, sdpMid: '0'},
    {at: 22, kind: 'candidate', peerId: BOB, side: 'remote', candidate: 'candidate:5 1 udp 1 192.0.2.5 5 typ host'},
    {at: 30, kind: 'description', peerId: BOB, side: 'local', type: 'offer', sdp: offer},
    {at: 31, kind: 'description', peerId: BOB, side: 'remote', type: 'answer',
      sdp: await fixtureText('sdp/chromium-answer.sdp')},
  ];
  const local = localCandidates(events, BOB);
  assert.equal(local.length, 2 + inOffer.size, 'the relay, the host and the offer\'s own candidates');
  assert.equal(local[0].candidate.type, 'relay');
  assert.equal(local[0].at, 10, 'first heard in the sent signal');
  assert.deepEqual(local[0].sources, ['signal', 'event']);
  assert.equal(local[0].url, turnUrl, 'the URL comes from the icecandidate event');
  assert.equal(local[1].text, host);
  assert.ok(local.slice(2).every((c) => c.sources[0] === 'description'));
  assert.ok(!local.some((c) => c.candidate.address === '192.0.2.9'), 'a candidate sent to Carol is not Bob\'s');
  assert.ok(!local.some((c) => c.candidate.address === '192.0.2.5'), 'remote candidates are not local');
  // A candidate trickled and also in a later description is counted once.
  const again = localCandidates([...events, {at: 40, kind: 'description', peerId: BOB, side: 'local',
    type: 'offer', sdp: `${offer.trimEnd()}\r\na=${relay}\r\n`}], BOB);
  assert.equal(again.length, local.length);
  assert.deepEqual(again[0].sources, ['signal', 'event', 'description']);
  assert.deepEqual(localCandidates([{at: 1, kind: 'candidate', peerId: BOB, side: 'local', candidate: 'junk'}],
      BOB), [], 'unreadable lines are left out');
});

test('local candidates: the ICE section and the story count the same candidates', () => {
  // The relay candidate was gathered before the recorder watched the connection: only its signal tells.
  const trace = newTrace({timeOrigin: 1764763200000, call: {room: 'quiet-otter', localPeerId: 'a1', name: 'Alice'}});
  addPeer(trace, {peerId: BOB, name: 'Bob', polite: false});
  const events = [
    {at: 5, kind: 'signaling-frame', direction: 'in', type: 'welcome', size: 300, message: redact({type: 'welcome',
      peerId: 'a1', room: 'quiet-otter', name: 'Alice', peers: [{peerId: BOB, name: 'Bob'}], resumeToken: 'x',
      iceServers: [{urls: [turnUrl], username: 'u', credential: 'secret'}]})},
    sent(10, BOB, host),
    sent(11, BOB, relay),
    {at: 12, kind: 'state', peerId: BOB, which: 'iceGatheringState', value: 'gathering'},
    {at: 20, kind: 'state', peerId: BOB, which: 'iceGatheringState', value: 'complete'},
    {at: 21, kind: 'end-of-candidates', peerId: BOB, side: 'local'},
  ];
  for (const event of events) addEvent(trace, event);
  const story = tellStory(trace);
  const gathering = story.find((l) => l.title.startsWith('ICE gathering'));
  assert.ok(gathering?.title.includes('1 relay'), `the story counts the relay: ${gathering?.title}`);
  assert.ok(!story.some((l) => l.title === 'No relay candidate'), 'no relay warning in the story');

  const container = document.createElement('div');
  iceSection().render(container, trace);
  const rows = [...container.querySelectorAll('[data-testid="bts-local-candidate"]')];
  assert.deepEqual(rows.map((r) => r.dataset.type), ['host', 'relay']);
  const warnings = container.querySelector('[data-testid="bts-ice-warnings"]')?.textContent ?? '';
  assert.ok(!warnings.includes('No relay candidate'), `no relay warning in the ICE section: ${warnings}`);
  assert.ok(warnings.includes('No server-reflexive'), 'the srflx warning stays: there is none');
});
