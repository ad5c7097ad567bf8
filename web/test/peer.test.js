import {Peer, isPolite} from '../js/peer.js';
import {assert, eventually, test} from './runner.js';

/**
 * Two real peers in this page, their signals delivered in order through the task queue as a relay
 * would (never synchronously), so that both can be mid-offer at once.
 */
function connectedPair({tracksA = [], tracksB = [], firstOfferer = 'b', now} = {}) {
  const peers = {};
  const relay = (to) => (payload) => setTimeout(() => peers[to].handleSignal(structuredClone(payload)));
  peers.a = new Peer({peerId: 'a', name: 'A', polite: isPolite('a', 'b'), offersFirst: firstOfferer === 'a',
    iceServers: [], sendSignal: relay('b'), tracks: tracksA, now});
  peers.b = new Peer({peerId: 'b', name: 'B', polite: isPolite('b', 'a'), offersFirst: firstOfferer === 'b',
    iceServers: [], sendSignal: relay('a'), tracks: tracksB, now});
  return peers;
}

/** The `negotiation` events of both peers, by side. */
function negotiationLog(pair) {
  const log = {a: [], b: []};
  for (const side of ['a', 'b']) pair[side].addEventListener('negotiation', ({detail}) => log[side].push(detail));
  return log;
}

const steps = (events) => events.map((e) => e.step);

async function localTracks() {
  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
  return {stream, senders: stream.getTracks().map((track) => ({track, stream}))};
}

const bothConnected = ({a, b}) => a.connectionState === 'connected' && b.connectionState === 'connected';

test('isPolite: exactly one side of a pair is polite', () => {
  assert.equal(isPolite('a', 'b'), true);
  assert.equal(isPolite('b', 'a'), false);
  assert.equal(isPolite('Yv3s', 'k2Jd'), !isPolite('k2Jd', 'Yv3s'));
});

test('peer: both sides created at once, both sending, connect with media both ways (10 pairs, the first offer from the polite side in half)', async () => {
  const media = await localTracks();
  try {
    for (let i = 0; i < 10; i++) {
      const pair = connectedPair({tracksA: media.senders, tracksB: media.senders, firstOfferer: i % 2 ? 'a' : 'b'});
      try {
        await eventually(() => bothConnected(pair), `pair ${i} connected`);
        await eventually(() => pair.a.remoteStream.getTracks().length === 2 && pair.b.remoteStream.getTracks().length === 2,
            `pair ${i} receiving audio and video both ways`);
      } finally {
        pair.a.close();
        pair.b.close();
      }
    }
  } finally {
    media.stream.getTracks().forEach((t) => t.stop());
  }
});

test('peer: a receive-only side connects to a sending side', async () => {
  const media = await localTracks();
  const pair = connectedPair({tracksA: media.senders});
  try {
    await eventually(() => bothConnected(pair), 'connected');
    await eventually(() => pair.b.remoteStream.getVideoTracks().length === 1, 'b receives video');
    assert.equal(pair.a.remoteStream.getTracks().length, 0, 'a receives nothing');
  } finally {
    pair.a.close();
    pair.b.close();
    media.stream.getTracks().forEach((t) => t.stop());
  }
});

test('peer: the negotiated chat channel carries text both ways', async () => {
  const pair = connectedPair();
  try {
    const received = {a: [], b: []};
    pair.a.addEventListener('message', ({detail}) => received.a.push(detail.data));
    pair.b.addEventListener('message', ({detail}) => received.b.push(detail.data));
    await eventually(() => pair.a.channel.readyState === 'open' && pair.b.channel.readyState === 'open', 'channels open');
    assert.ok(pair.a.send('to b'), 'a sends');
    assert.ok(pair.b.send('to a'), 'b sends');
    await eventually(() => received.a.length === 1 && received.b.length === 1, 'both messages delivered');
    assert.deepEqual(received, {a: ['to a'], b: ['to b']});
  } finally {
    pair.a.close();
    pair.b.close();
  }
});

test('peer: negotiation events say who offered and answered and which candidates were added, timed by the given clock', async () => {
  let clock = 0;
  const pair = connectedPair({now: () => ++clock});
  const log = negotiationLog(pair);
  try {
    await eventually(() => bothConnected(pair), 'connected');
    assert.deepEqual(steps(log.b).slice(0, 2), ['offer', 'remote-description'], 'b offers, then applies the answer');
    assert.deepEqual(steps(log.a).slice(0, 2), ['remote-description', 'answer'], 'a applies the offer, then answers');
    assert.deepEqual([log.b[0], log.a[0], log.a[1], log.b[1]].map((e) => e.description.type),
        ['offer', 'offer', 'answer', 'answer'], 'descriptions');
    assert.equal(log.a[0].description.sdp, log.b[0].description.sdp, 'a applied the very offer b made');
    for (const side of ['a', 'b']) {
      await eventually(() => log[side].some((e) => e.step === 'candidate-added' && e.candidate === null),
          `${side} told of the end of the candidates`);
      assert.ok(log[side].some((e) => e.step === 'candidate-added' && e.candidate?.candidate), `${side} added a candidate`);
      assert.ok(!steps(log[side]).some((s) => s === 'candidate-failed' || s === 'rollback' || s === 'offer-ignored'),
          `${side}: no failure or collision (${steps(log[side])})`);
    }
    const times = [...log.a, ...log.b].map((e) => e.at).sort((x, y) => x - y);
    assert.deepEqual(times, Array.from({length: clock}, (_, i) => i + 1), 'each event read the clock once');
  } finally {
    pair.a.close();
    pair.b.close();
  }
});

test('peer: ICE restarts started by both sides at once end connected, and are counted', async () => {
  const pair = connectedPair();
  const log = negotiationLog(pair);
  try {
    await eventually(() => bothConnected(pair), 'connected');
    const ufrag = pair.a.pc.localDescription.sdp.match(/a=ice-ufrag:(\S+)/)[1];
    pair.a.restartIce();
    pair.b.restartIce();
    await eventually(() => pair.a.pc.localDescription.sdp.match(/a=ice-ufrag:(\S+)/)[1] !== ufrag &&
        pair.a.pc.signalingState === 'stable' && pair.b.pc.signalingState === 'stable', 'new ICE credentials applied');
    await eventually(() => bothConnected(pair), 'connected again');
    assert.equal(pair.a.restarts, 1, 'a restarts');
    assert.equal(pair.b.restarts, 1, 'b restarts');
    for (const side of ['a', 'b']) {
      const restarts = log[side].filter((e) => e.step === 'ice-restart');
      assert.deepEqual(restarts.map((e) => e.restarts), [1], `${side}'s ice-restart events`);
    }
    // Both offered at once: the impolite side (b) ignores a's offer, the polite one (a) rolls its own back.
    assert.ok(steps(log.b).includes('offer-ignored'), `b ignored an offer (${steps(log.b)})`);
    assert.ok(steps(log.a).includes('rollback'), `a rolled back (${steps(log.a)})`);
    assert.ok(!steps(log.a).includes('offer-ignored') && !steps(log.b).includes('rollback'), 'each in its own role');
  } finally {
    pair.a.close();
    pair.b.close();
  }
});

test('peer: a track added later renegotiates and reaches the other side', async () => {
  const media = await localTracks();
  const pair = connectedPair();
  try {
    await eventually(() => bothConnected(pair), 'connected');
    await pair.a.setLocalTrack(media.stream.getVideoTracks()[0], media.stream);
    await eventually(() => pair.b.remoteStream.getVideoTracks().length === 1, 'b receives the new video');
  } finally {
    pair.a.close();
    pair.b.close();
    media.stream.getTracks().forEach((t) => t.stop());
  }
});

test('peer: both sides adding a track at once (an offer collision) end with video both ways', async () => {
  const media = await localTracks();
  const pair = connectedPair();
  try {
    await eventually(() => bothConnected(pair), 'connected');
    const video = media.stream.getVideoTracks()[0];
    await Promise.all([pair.a.setLocalTrack(video, media.stream), pair.b.setLocalTrack(video, media.stream)]);
    await eventually(() => pair.a.remoteStream.getVideoTracks().length === 1 &&
        pair.b.remoteStream.getVideoTracks().length === 1, 'video both ways');
    await eventually(() => pair.a.pc.signalingState === 'stable' && pair.b.pc.signalingState === 'stable', 'stable');
    assert.ok(bothConnected(pair), 'still connected');
  } finally {
    pair.a.close();
    pair.b.close();
    media.stream.getTracks().forEach((t) => t.stop());
  }
});

test('peer: close() closes the connection and the channel and ends the remote tracks', async () => {
  const media = await localTracks();
  const pair = connectedPair({tracksA: media.senders, tracksB: media.senders});
  try {
    await eventually(() => bothConnected(pair) && pair.b.remoteStream.getTracks().length === 2, 'connected with media');
    const remote = pair.b.remoteStream.getTracks();
    pair.b.close();
    assert.equal(pair.b.pc.signalingState, 'closed', 'connection closed');
    await eventually(() => pair.b.channel.readyState === 'closed', 'channel closed');
    await eventually(() => pair.a.channel.readyState === 'closed', 'the other side\'s channel closed');
    assert.ok(remote.every((t) => t.readyState === 'ended'), 'remote tracks ended');
    assert.equal(pair.b.remoteStream.getTracks().length, 0, 'remote stream emptied');
    assert.ok(media.stream.getTracks().every((t) => t.readyState === 'live'), 'local tracks untouched');
  } finally {
    pair.a.close();
    pair.b.close();
    media.stream.getTracks().forEach((t) => t.stop());
  }
});
