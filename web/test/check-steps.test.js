import {isValidRoom} from '../js/protocol.js';
import {addressKind} from '../js/check/addresses.js';
import {judgeBrowser} from '../js/check/browser.js';
import {judgeCamera} from '../js/check/camera.js';
import {stunServer, turnServer, turnServers, withoutSecrets} from '../js/check/ice-servers.js';
import {judgeLoopback} from '../js/check/loopback.js';
import {mediaFailure} from '../js/check/media-errors.js';
import {rmsLevel} from '../js/audio-level.js';
import {judgeMicrophone} from '../js/check/microphone.js';
import {judgeNetwork} from '../js/check/network.js';
import {judgeSignaling, throwawayRoom} from '../js/check/signaling-check.js';
import {judgeSpeaker} from '../js/check/speaker.js';
import {judgeStun} from '../js/check/stun.js';
import {judgeTurn} from '../js/check/turn.js';
import {assert, test} from './runner.js';

// Candidate lines as Chromium 156 gathered them on a test machine.
const HOST_V4 = 'candidate:3573747492 1 udp 2122063615 192.0.2.2 33988 typ host generation 0 ufrag EIPt network-id 1';
const HOST_LOOPBACK = 'candidate:2067697832 1 udp 2122194687 127.0.0.1 43440 typ host generation 0 ufrag EIPt';
const HOST_V6_ULA = 'candidate:3530646420 1 udp 2122134271 fd00::2 52305 typ host generation 0 ufrag EIPt';
const HOST_V6_PUBLIC = 'candidate:3530646421 1 udp 2122134271 2001:db8::7 52305 typ host generation 0 ufrag EIPt';
const HOST_MDNS = 'candidate:1 1 udp 2122262783 5b1c7e2d-6a2f-4f1e-9d43-0b7e1c2a9f10.local 53720 typ host';
const SRFLX = (address) => `candidate:842163049 1 udp 1677729535 ${address} 41001 typ srflx raddr 0.0.0.0 rport 0`;
const RELAY = (address) => `candidate:3248264774 1 udp 58466303 ${address} 64746 typ relay raddr 0.0.0.0 rport 0`;
const TURN_UDP = 'turn:203.0.113.5:3478?transport=udp';
const TURN_TCP = 'turn:203.0.113.5:3478?transport=tcp';
const ICE_SERVERS = [
  {urls: ['stun:203.0.113.5:3478']},
  {urls: [TURN_UDP, TURN_TCP], username: '1796386406:peer', credential: 'secret'},
];

test('check steps: ICE servers are picked one URL at a time, and reported without their secrets', () => {
  assert.deepEqual(stunServer(ICE_SERVERS), {urls: 'stun:203.0.113.5:3478'});
  assert.deepEqual(turnServer(ICE_SERVERS, 'tcp'), {urls: TURN_TCP, username: '1796386406:peer', credential: 'secret'});
  assert.equal(turnServer([{urls: 'turn:h:1', username: 'u', credential: 'p'}], 'udp').urls, 'turn:h:1',
      'a turn: URL without a transport is UDP');
  assert.equal(turnServer([{urls: 'turn:h:1'}], 'tcp'), null);
  assert.equal(turnServers(ICE_SERVERS).length, 1);
  assert.equal(stunServer([]), null);
  assert.ok(!JSON.stringify(withoutSecrets(ICE_SERVERS)).includes('secret'));
  assert.equal(withoutSecrets(ICE_SERVERS)[1].username, '1796386406:peer');
});

test('check steps: addresses are told apart by kind', () => {
  const kinds = ['127.0.0.1', '::1', '10.1.2.3', '172.20.0.1', '192.168.1.9', '100.64.0.1', '169.254.3.4', 'fe80::1',
    'fd00::2', '203.0.113.5', '2001:db8::7', 'abc.local', 'not an address'].map(addressKind);
  assert.deepEqual(kinds, ['loopback', 'loopback', 'private', 'private', 'private', 'cgnat', 'link-local', 'link-local',
    'unique-local', 'public', 'public', 'mdns', 'unknown']);
});

test('check steps: the browser step fails outside a secure context and names --tls', () => {
  const all = {peerConnection: true, dataChannel: true, getUserMedia: true, encodedTransforms: true,
    secureContext: true, origin: 'https://x'};
  assert.equal(judgeBrowser(all).status, 'passed');
  const insecure = judgeBrowser({...all, secureContext: false, getUserMedia: false, origin: 'http://192.0.2.2:8080'});
  assert.equal(insecure.status, 'failed');
  assert.ok(insecure.found.includes('http://192.0.2.2:8080') && insecure.advice.includes('--tls'), insecure.advice);
  const old = judgeBrowser({...all, dataChannel: false});
  assert.equal(old.status, 'failed');
  assert.ok(old.found.includes('RTCDataChannel'), old.found);
  assert.equal(judgeBrowser({...all, encodedTransforms: false}).status, 'warning');
});

test('check steps: camera errors tell denied, missing and busy apart, each with its advice', () => {
  const denied = mediaFailure('camera', {name: 'NotAllowedError', message: 'Permission denied'});
  assert.equal(denied.status, 'failed');
  assert.equal(denied.details.reason, 'denied');
  assert.ok(denied.found.includes('Permission to use the camera was denied'), denied.found);
  assert.ok(denied.advice.includes('allow the camera for this site'), denied.advice);
  assert.equal(mediaFailure('camera', {name: 'NotFoundError'}).details.reason, 'missing');
  assert.ok(mediaFailure('camera', {name: 'NotFoundError'}).found.startsWith('No camera was found'));
  const busy = mediaFailure('microphone', {name: 'NotReadableError'});
  assert.equal(busy.details.reason, 'busy');
  assert.ok(busy.found.includes('another application') && busy.advice.includes('microphone'), busy.found);
  assert.equal(mediaFailure('camera', {name: 'AbortError'}).details.reason, 'busy');
  assert.equal(mediaFailure('camera', {name: 'OverconstrainedError'}).details.reason, 'missing');
  assert.equal(mediaFailure('camera', null).details.reason, 'insecure');
  assert.ok(mediaFailure('camera', null).advice.includes('--tls'));
  assert.ok(mediaFailure('camera', {name: 'WeirdError', message: 'odd'}).found.includes('WeirdError (odd)'));
});

test('check steps: the camera reports its size and rate, and warns when they are low', () => {
  const good = judgeCamera({label: 'Front', width: 1280, height: 720, frameRate: 30}, ['Front', 'Back']);
  assert.equal(good.status, 'passed');
  assert.equal(good.found, 'The camera "Front" works: 1280×720 at 30 fps. Other cameras: Back.');
  assert.equal(judgeCamera({label: 'Old', width: 320, height: 240, frameRate: 7}, ['Old']).status, 'warning');
});

test('check steps: a flat microphone level is a warning, a moving one passes', () => {
  assert.equal(rmsLevel(new Uint8Array(64).fill(128)), 0);
  assert.ok(Math.abs(rmsLevel(Uint8Array.from([0, 255, 0, 255])) - 0.996) < 0.01);
  const silent = judgeMicrophone('Mic', [0, 0, 0.001, 0]);
  assert.equal(silent.status, 'warning');
  assert.ok(silent.found.includes('stayed flat') && silent.advice.includes('Unmute'), silent.found);
  assert.equal(judgeMicrophone('Hum', [0.2, 0.2001, 0.2]).status, 'warning', 'a constant hum never changes');
  const speaking = judgeMicrophone('Mic', [0.01, 0.3, 0.05]);
  assert.equal(speaking.status, 'passed');
  assert.ok(speaking.found.includes('-10 dBFS'), speaking.found);
});

test('check steps: the speaker warns where the output cannot be chosen or no sound could play', () => {
  const outputs = [{label: 'Speakers'}, {label: 'Headset'}];
  assert.equal(judgeSpeaker({choosable: true, outputs, played: true, state: 'running'}).status, 'passed');
  assert.ok(judgeSpeaker({choosable: false, outputs: [], played: true, state: 'running'}).found.includes('setSinkId'));
  assert.equal(judgeSpeaker({choosable: true, outputs, played: false, state: 'suspended'}).status, 'warning');
});

test('check steps: signaling passes with its round trip, and says what failed otherwise', () => {
  const url = 'wss://example.org/ws';
  const ok = judgeSignaling({url, opened: true, welcomed: true, error: null, rttsMs: [30, 10, 20, 500, 25],
    timedOut: false});
  assert.equal(ok.status, 'passed');
  assert.ok(ok.found.includes('25 ms'), ok.found);
  assert.equal(judgeSignaling({url, opened: true, welcomed: true, error: null, rttsMs: [400, 500, 450],
    timedOut: false}).status, 'warning');
  const closed = judgeSignaling({url, opened: false, welcomed: false, error: null, rttsMs: [], timedOut: true});
  assert.equal(closed.status, 'failed');
  assert.ok(closed.found.includes('did not open in time') && closed.advice.includes('/ws'), closed.found);
  const busy = judgeSignaling({url, opened: true, welcomed: false, error: {code: 'server-busy', message: 'full'},
    rttsMs: [], timedOut: false});
  assert.ok(busy.found.includes('server-busy') && busy.advice.includes('--max-rooms'), busy.advice);
  for (let i = 0; i < 20; i++) assert.ok(isValidRoom(throwawayRoom()), 'a room name the server takes');
  assert.ok(throwawayRoom() !== throwawayRoom());
});

test('check steps: STUN shows the reflexive address and whether a NAT is in the way', () => {
  const base = {stunUrl: 'stun:203.0.113.5:3478', errors: [], complete: true};
  const nat = judgeStun({...base, candidates: [HOST_V4, SRFLX('198.51.100.20')]});
  assert.equal(nat.status, 'passed');
  assert.ok(nat.found.includes('198.51.100.20') && nat.found.includes('NAT translates'), nat.found);
  const direct = judgeStun({...base, candidates: [HOST_V4, SRFLX('192.0.2.2')]});
  assert.ok(direct.found.includes('no NAT between you and the server'), direct.found);
  const suppressed = judgeStun({...base, candidates: [HOST_LOOPBACK, HOST_V4]});
  assert.equal(suppressed.status, 'passed', 'Chromium lists no srflx equal to its host candidate');
  assert.ok(suppressed.found.includes('no NAT'), suppressed.found);
  const blocked = judgeStun({...base, candidates: [HOST_V4],
    errors: [{url: 'stun:203.0.113.5:3478', errorCode: 701, errorText: 'STUN binding request timed out.'}]});
  assert.equal(blocked.status, 'failed');
  assert.ok(blocked.found.includes('did not answer') && blocked.advice.includes('UDP to port 3478'), blocked.advice);
  assert.ok(judgeStun({...base, candidates: [HOST_V4], complete: false}).found.includes('in time'));
  const none = judgeStun({stunUrl: null, candidates: [], errors: [], complete: true});
  assert.equal(none.status, 'failed');
  assert.ok(none.advice.includes('--turn-port 0'), none.advice);
});

test('check steps: TURN tells refused credentials from an unreachable server', () => {
  const base = {turnUrl: TURN_UDP, anyTurn: true, candidates: [], errors: [], complete: true};
  const relayed = judgeTurn('udp', {...base, candidates: [RELAY('203.0.113.5')]});
  assert.equal(relayed.status, 'passed');
  assert.ok(relayed.found.includes('203.0.113.5:3478 over UDP') && relayed.found.includes('203.0.113.5:64746'));

  const refused = judgeTurn('udp', {...base, errors: [{url: TURN_UDP, errorCode: 401, errorText: 'Unauthorized.'}]});
  assert.equal(refused.status, 'failed');
  assert.ok(refused.found.includes('refused the credentials') && refused.found.includes('(401 Unauthorized)'),
      refused.found);
  assert.ok(refused.advice.includes('--turn-secret'), refused.advice);

  const unreachable = judgeTurn('udp', {...base, complete: false,
    errors: [{url: 'stun:203.0.113.5:3478', errorCode: 701, errorText: 'STUN binding request timed out.'}]});
  assert.equal(unreachable.status, 'failed');
  assert.ok(unreachable.found.includes('could not be reached') && !unreachable.found.includes('credentials'));
  assert.ok(unreachable.advice.includes('TURN over TCP may still get through'), unreachable.advice);
  const refusedTcp = judgeTurn('tcp', {...base, turnUrl: TURN_TCP});
  assert.ok(refusedTcp.found.includes('TCP connection was refused'), refusedTcp.found);

  const quota = judgeTurn('udp', {...base, errors: [{url: TURN_UDP, errorCode: 486, errorText: 'Quota'}]});
  assert.ok(quota.found.includes('Allocation Quota Reached'), quota.found);
});

test('check steps: TURN not configured at all, or not for one transport', () => {
  const none = judgeTurn('tcp', {turnUrl: null, anyTurn: false, candidates: [], errors: [], complete: true});
  assert.equal(none.status, 'failed');
  assert.ok(none.found.startsWith('No TURN server is configured'), none.found);
  assert.ok(none.advice.includes('--turn-port 0') && none.advice.includes('--turn-remote'), none.advice);
  const udpOnly = judgeTurn('tcp', {turnUrl: null, anyTurn: true, candidates: [], errors: [], complete: true});
  assert.ok(udpOnly.found.includes('none over TCP'), udpOnly.found);
});

test('check steps: a private relayed address from a public TURN server asks for --turn-external-ip', () => {
  const behindNat = judgeTurn('udp', {turnUrl: TURN_UDP, anyTurn: true, candidates: [RELAY('10.0.0.5')], errors: [],
    complete: true});
  assert.equal(behindNat.status, 'warning');
  assert.ok(behindNat.advice.includes('--turn-external-ip'), behindNat.advice);
  const lan = judgeTurn('udp', {turnUrl: 'turn:10.0.0.5:3478', anyTurn: true, candidates: [RELAY('10.0.0.5')],
    errors: [], complete: true});
  assert.equal(lan.status, 'passed', 'a TURN server inside the LAN');
});

test('check steps: the network step reads host candidates: mDNS, real, loopback only, IPv6', () => {
  const mdns = judgeNetwork({candidates: [HOST_MDNS], complete: true});
  assert.equal(mdns.status, 'passed');
  assert.ok(mdns.found.includes('mDNS') && mdns.details.mdns, mdns.found);
  const real = judgeNetwork({candidates: [HOST_LOOPBACK, HOST_V4, HOST_V6_PUBLIC], complete: true});
  assert.equal(real.status, 'passed');
  assert.equal(real.details.ipv6, 'public');
  assert.ok(real.found.includes('192.0.2.2') && real.found.includes('IPv6 is available'), real.found);
  assert.equal(judgeNetwork({candidates: [HOST_V4, HOST_V6_ULA], complete: true}).details.ipv6, 'local');
  assert.equal(judgeNetwork({candidates: [HOST_V4], complete: true}).details.ipv6, 'none');
  assert.equal(judgeNetwork({candidates: [HOST_LOOPBACK], complete: true}).status, 'warning');
  assert.equal(judgeNetwork({candidates: [], complete: true}).status, 'failed');
});

test('check steps: the relay call\'s numbers and what they mean for a video call', () => {
  const base = {connected: true, noRelay: false, connectMs: 420, bytes: 5e6, throughputMbps: 40, rttMs: 30,
    lossPercent: 0, relayProtocol: 'udp', limitSeconds: 20};
  const fast = judgeLoopback(base);
  assert.equal(fast.status, 'passed');
  assert.ok(fast.found.includes('connected in 0.4 s over UDP; 40.0 Mbit/s, round trip 30 ms, 0.0% loss'), fast.found);
  assert.ok(fast.found.includes('everyone in a full room of 8'), fast.found);
  const modest = judgeLoopback({...base, throughputMbps: 2});
  assert.equal(modest.status, 'passed');
  assert.ok(modest.found.includes('to 2 others at once'), modest.found);
  const slow = judgeLoopback({...base, throughputMbps: 0.3});
  assert.equal(slow.status, 'warning');
  assert.ok(slow.found.includes('too little for video'), slow.found);
  const lossy = judgeLoopback({...base, lossPercent: 6});
  assert.equal(lossy.status, 'warning');
  assert.ok(lossy.found.includes('frozen or blocky'), lossy.found);
  assert.equal(judgeLoopback({...base, rttMs: 450}).status, 'warning');
  const notConnected = judgeLoopback({...base, connected: false});
  assert.equal(notConnected.status, 'failed');
  assert.ok(notConnected.found.includes('20 s') && notConnected.advice.includes('--turn-external-ip'));
  assert.ok(judgeLoopback({...base, connected: false, noRelay: true}).found.includes('no relayed address'));
});
