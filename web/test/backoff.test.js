import {backoffDelay} from '../js/backoff.js';
import {assert, test} from './runner.js';

const fixed = (value) => () => value;

test('backoff: 0.5 s doubling to 10 s without jitter in the middle of the spread', () => {
  const delays = [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => backoffDelay(attempt, {random: fixed(0.5)}));
  assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
});

test('backoff: jitter spreads each delay by ±20% and never past the cap', () => {
  assert.equal(backoffDelay(0, {random: fixed(0)}), 400);
  assert.equal(backoffDelay(0, {random: fixed(0.999999)}), 600);
  assert.equal(backoffDelay(10, {random: fixed(0)}), 8000);
  assert.equal(backoffDelay(10, {random: fixed(0.999999)}), 10000);
  for (let attempt = 0; attempt < 40; attempt++) {
    const delay = backoffDelay(attempt);
    assert.ok(delay >= 400 && delay <= 10000, `attempt ${attempt}: ${delay}`);
  }
});

test('backoff: odd attempts are treated as the first or the last', () => {
  assert.equal(backoffDelay(-3, {random: fixed(0.5)}), 500);
  assert.equal(backoffDelay(1e9, {random: fixed(0.5)}), 10000);
  assert.equal(backoffDelay(1.7, {random: fixed(0.5)}), 1000);
});
