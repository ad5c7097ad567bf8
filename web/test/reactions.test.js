import {handQueue} from '../js/hands.js';
import {BURST, PER_SECOND, REACTIONS, Reactions, decodeReaction, encodeReaction} from '../js/reactions.js';
import {assert, test} from './runner.js';

test('hands: queued by when they went up; lowered ones leave the line; a future time counts as now', () => {
  const states = new Map([
    [null, {hand: 3000}],
    ['bob', {hand: 1000}],
    ['carol', {hand: null}],
    ['dave', {hand: 2000}],
  ]);
  assert.deepEqual(handQueue(states, 10000), ['bob', 'dave', null]);
  states.get('bob').hand = null;
  assert.deepEqual(handQueue(states, 10000), ['dave', null]);
  states.set('eve', {hand: 99999999});
  states.set('amy', {hand: 10000});
  assert.deepEqual(handQueue(states, 10000), ['dave', null, 'amy', 'eve'], 'a claim from the future is no earlier than now');
  // A tie goes by peer id, this page's own included, so that every page agrees.
  const tie = new Map([[null, {hand: 5}], ['m', {hand: 5}]]);
  assert.deepEqual(handQueue(tie, 10, 'a'), [null, 'm']);
  assert.deepEqual(handQueue(tie, 10, 'z'), ['m', null]);
});

test('reactions: a frame round-trips; unknown emoji are taken and ignored; others are not reactions', () => {
  assert.deepEqual(decodeReaction(encodeReaction('👍')), {emoji: '👍'});
  assert.deepEqual(decodeReaction(JSON.stringify({type: 'reaction', emoji: '<img src=x>'})), {emoji: null});
  assert.deepEqual(decodeReaction(JSON.stringify({type: 'reaction'})), {emoji: null});
  for (const bad of [JSON.stringify({text: 'hi', name: 'x'}), JSON.stringify({type: 'presence'}), '{', 7, null,
    JSON.stringify({type: 'reaction', emoji: '👍', pad: 'x'.repeat(200)})]) {
    assert.equal(decodeReaction(bad), null, String(bad).slice(0, 40));
  }
  const shown = [];
  const reactions = new Reactions(() => {});
  reactions.addEventListener('reaction', ({detail}) => shown.push(detail));
  assert.ok(reactions.receive('p1', JSON.stringify({type: 'reaction', emoji: 'spam'})));
  assert.equal(reactions.receive('p1', JSON.stringify({text: 'hi', name: 'x'})), false, 'chat is left to chat');
  assert.equal(shown.length, 0);
  assert.equal(reactions.dropped, 1);
  assert.equal(reactions.send('not ours'), false);
});

test('reactions: each sender is held to a burst and a rate, counted by the receiver', () => {
  let now = 0;
  const sent = [];
  const shown = [];
  const reactions = new Reactions((frame) => sent.push(frame), () => now);
  reactions.addEventListener('reaction', ({detail}) => shown.push(detail));
  const frame = encodeReaction(REACTIONS[0].emoji);
  for (let i = 0; i < BURST + 3; i++) reactions.receive('flood', frame);
  reactions.receive('calm', frame);
  assert.equal(shown.filter((r) => r.peerId === 'flood').length, BURST);
  assert.equal(shown.filter((r) => r.peerId === 'calm').length, 1, 'one sender does not use up another\'s');
  assert.equal(reactions.dropped, 3);
  now += 1000;
  for (let i = 0; i < 5; i++) reactions.receive('flood', frame);
  assert.equal(shown.filter((r) => r.peerId === 'flood').length, BURST + PER_SECOND);
  assert.ok(reactions.send('🎉'));
  assert.deepEqual(shown.at(-1), {peerId: null, emoji: '🎉'});
  assert.deepEqual(decodeReaction(sent[0]), {emoji: '🎉'});
});
