import {Presence, decodePresence, encodePresence} from '../js/presence.js';
import {assert, test} from './runner.js';

test('presence: a frame round-trips; chat frames and malformed ones are not presence', () => {
  const state = {muted: true, cameraOff: false, screen: 'c0ffee-stream', hand: 1732400000000};
  assert.deepEqual(decodePresence(encodePresence(state)), state);
  assert.deepEqual(decodePresence(encodePresence({muted: false, cameraOff: true, screen: null, hand: null})),
      {muted: false, cameraOff: true, screen: null, hand: null});
  for (const bad of [
    JSON.stringify({text: 'hi', name: 'Bob', sentAt: 1}),
    JSON.stringify({type: 'presence', muted: 'yes', cameraOff: false}),
    JSON.stringify({type: 'presence', muted: true, cameraOff: false, screen: 7}),
    JSON.stringify({type: 'presence', muted: true, cameraOff: false, screen: 'x'.repeat(65)}),
    JSON.stringify({type: 'presence', muted: true, cameraOff: false, screen: null, hand: 'now'}),
    JSON.stringify({type: 'presence', muted: true, cameraOff: false, screen: null, hand: -1}),
    '{', 42, null, 'x'.repeat(2000),
  ]) {
    assert.equal(decodePresence(bad), null, String(bad).slice(0, 60));
  }
  // A frame from a page that knows no hands has none raised.
  assert.equal(decodePresence(JSON.stringify({type: 'presence', muted: false, cameraOff: false, screen: null})).hand, null);
});

test('presence: an update is broadcast once and announced; a received frame updates that peer only', () => {
  const sent = [];
  const presence = new Presence((frame) => sent.push(frame));
  const changes = [];
  presence.addEventListener('change', ({detail}) => changes.push(detail));
  presence.update({muted: true});
  presence.update({muted: true});
  assert.equal(sent.length, 1, 'no frame for a change that changes nothing');
  assert.deepEqual(decodePresence(sent[0]), {muted: true, cameraOff: false, screen: null, hand: null});
  assert.ok(presence.receive('p1', encodePresence({muted: false, cameraOff: true, screen: null, hand: null})));
  assert.equal(presence.receive('p1', JSON.stringify({text: 'hi', name: 'x'})), false);
  assert.deepEqual(presence.remote.get('p1'), {muted: false, cameraOff: true, screen: null, hand: null});
  assert.deepEqual(changes.map((c) => c.peerId), [null, 'p1']);
  presence.removePeer('p1');
  assert.equal(presence.remote.size, 0);
});

test('presence: a peer is told the current state when its channel opens, or at once if it is open', () => {
  const presence = new Presence(() => {});
  presence.update({cameraOff: true});
  const later = Object.assign(new EventTarget(), {channel: {readyState: 'connecting'}, sent: [], send(f) {
    this.sent.push(f);
  }});
  const open = Object.assign(new EventTarget(), {channel: {readyState: 'open'}, sent: [], send(f) {
    this.sent.push(f);
  }});
  presence.addPeer(later);
  presence.addPeer(open);
  assert.equal(later.sent.length, 0);
  assert.equal(open.sent.length, 1);
  later.dispatchEvent(new Event('channelopen'));
  assert.deepEqual(decodePresence(later.sent[0]), {muted: false, cameraOff: true, screen: null, hand: null});
});
