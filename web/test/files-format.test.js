import {RateMeter} from '../js/files/rate-meter.js';
import {formatBytes, formatDuration} from '../js/files/format.js';
import {RootHash, sha256, toHex} from '../js/files/hashing.js';
import {assert, test} from './runner.js';

test('files rate meter: speed over the last seconds and time left', () => {
  const meter = new RateMeter(3000);
  assert.deepEqual(meter.update(0, 1000, 0), {bytes: 0, size: 1000, fraction: 0, bytesPerSecond: 0, secondsLeft: null});
  const half = meter.update(500, 1000, 1000);
  assert.equal(half.bytesPerSecond, 500);
  assert.equal(half.secondsLeft, 1);
  assert.equal(half.fraction, 0.5);
  // Old samples leave the window: a stall shows as a slower speed, not the average since the start.
  meter.update(500, 1000, 5000);
  const later = meter.update(500, 1000, 8000);
  assert.equal(later.bytesPerSecond, 0);
  assert.equal(later.secondsLeft, null);
  meter.reset();
  assert.equal(meter.update(1000, 1000, 9000).secondsLeft, 0);
  assert.equal(new RateMeter().update(0, 0, 0).fraction, 1, 'an empty file is complete');
});

test('files format: sizes and durations in words', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(104857600), '105 MB');
  assert.equal(formatBytes(1.2e9), '1.2 GB');
  assert.equal(formatDuration(null), '…');
  assert.equal(formatDuration(4.2), '5 s');
  assert.equal(formatDuration(200), '3 min 20 s');
  assert.equal(formatDuration(7500), '2 h 5 min');
});

test('files hashing: the root is the SHA-256 of the chunk hashes in order', async () => {
  assert.equal(toHex(await sha256(new TextEncoder().encode('abc'))),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  const root = new RootHash();
  const a = await sha256(new Uint8Array([1]));
  const b = await sha256(new Uint8Array([2]));
  root.set(0, a);
  root.set(1, b);
  const both = new Uint8Array(64);
  both.set(new Uint8Array(a), 0);
  both.set(new Uint8Array(b), 32);
  assert.equal(await root.digest(), toHex(await sha256(both)));
  assert.equal(await new RootHash().digest(), toHex(await sha256(new Uint8Array(0))), 'an empty file');
});
