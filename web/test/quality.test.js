import {assessQuality} from '../js/quality.js';
import {assert, test} from './runner.js';

test('quality: good, fair and poor from round trip, loss and bitrate, with the reasons in words', () => {
  const good = assessQuality({rttMs: 40, lossPercent: 0, kbps: 900, videoExpected: true});
  assert.equal(good.level, 'good');
  assert.equal(good.why, 'Good connection: round trip 40 ms, 0.0% packets lost, receiving 900 kbit/s.');
  assert.equal(assessQuality({rttMs: 300, lossPercent: 0, kbps: 900, videoExpected: true}).level, 'fair');
  assert.equal(assessQuality({rttMs: 40, lossPercent: 5, kbps: 900, videoExpected: true}).level, 'fair');
  assert.equal(assessQuality({rttMs: 40, lossPercent: 12, kbps: 900, videoExpected: true}).level, 'poor');
  assert.equal(assessQuality({rttMs: 800, lossPercent: null, kbps: null, videoExpected: true}).level, 'poor');
  assert.equal(assessQuality({rttMs: 40, lossPercent: 0, kbps: 60, videoExpected: true}).level, 'fair');
  assert.equal(assessQuality({rttMs: 40, lossPercent: 0, kbps: 60, videoExpected: false}).level, 'good',
      'little bitrate is no fault when the camera is off');
  assert.equal(assessQuality({rttMs: null, lossPercent: null, kbps: null, videoExpected: true}).level, 'unknown');
});
