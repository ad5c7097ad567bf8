import {HeldEvents} from '../js/held-events.js';
import {assert, test} from './runner.js';

test('held events: what happened before release arrives first, in order, then every later event as it comes', () => {
  const target = new EventTarget();
  const events = new HeldEvents(target, ['a', 'b']);
  const seen = [];
  target.dispatchEvent(new CustomEvent('a', {detail: 1}));
  target.dispatchEvent(new CustomEvent('other', {detail: 'not held'}));
  target.dispatchEvent(new CustomEvent('b', {detail: 2}));
  target.dispatchEvent(new CustomEvent('a', {detail: 3}));
  assert.deepEqual(seen, [], 'nothing is delivered before release');
  events.release({
    a: ({type, detail}) => seen.push(`${type}${detail}`),
    b: ({type, detail}) => seen.push(`${type}${detail}`),
  });
  assert.deepEqual(seen, ['a1', 'b2', 'a3']);
  target.dispatchEvent(new CustomEvent('b', {detail: 4}));
  assert.deepEqual(seen, ['a1', 'b2', 'a3', 'b4']);
});

test('held events: a held type without a listener is dropped; a second release is refused', () => {
  const target = new EventTarget();
  const events = new HeldEvents(target, ['a', 'b']);
  const seen = [];
  target.dispatchEvent(new CustomEvent('b', {detail: 1}));
  events.release({a: ({detail}) => seen.push(detail)});
  target.dispatchEvent(new CustomEvent('a', {detail: 2}));
  assert.deepEqual(seen, [2]);
  assert.throws(() => events.release({}), 'Error');
});

test('held events: a listener for a type that is not held is refused, as it would never be called', () => {
  const events = new HeldEvents(new EventTarget(), ['a']);
  assert.throws(() => events.release({a: () => {}, b: () => {}}), 'Error');
});

test('held events: `every` gets each event of every held type, before its typed listener, from the first one on', () => {
  const target = new EventTarget();
  const events = new HeldEvents(target, ['a', 'b', 'c']);
  const seen = [];
  target.dispatchEvent(new CustomEvent('a', {detail: 1}));
  target.dispatchEvent(new CustomEvent('c', {detail: 2}));
  target.dispatchEvent(new CustomEvent('other', {detail: 'not held'}));
  events.release({a: ({detail}) => seen.push(`a got ${detail}`)},
      {every: ({type, detail}) => seen.push(`every got ${type}${detail}`)});
  assert.deepEqual(seen, ['every got a1', 'a got 1', 'every got c2']);
  target.dispatchEvent(new CustomEvent('b', {detail: 3}));
  target.dispatchEvent(new CustomEvent('a', {detail: 4}));
  assert.deepEqual(seen.slice(3), ['every got b3', 'every got a4', 'a got 4']);
});
