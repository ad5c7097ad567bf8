import {LocalMedia, describeMediaProblem} from '../js/media.js';
import {assert, test} from './runner.js';

test('media: the problem names the missing devices and the reason', () => {
  const blocked = describeMediaProblem(['audio', 'video'], {name: 'NotAllowedError'});
  assert.ok(blocked.includes('camera and microphone') && blocked.includes('blocked'), blocked);
  assert.ok(describeMediaProblem(['video'], {name: 'NotFoundError'}).startsWith('No camera was found'));
  assert.ok(describeMediaProblem(['audio'], {name: 'NotReadableError'}).includes('microphone is in use'));
  assert.ok(describeMediaProblem(['audio', 'video']).includes('https'));
  assert.ok(describeMediaProblem(['video'], {name: 'WeirdError'}).includes('WeirdError'));
  for (const message of [blocked, describeMediaProblem(['video'], {name: 'NotFoundError'})]) {
    assert.ok(message.includes('You can still see, hear and chat'), message);
  }
});

test('media: start gets the fake camera and microphone; toggles flip track.enabled; stop ends them', async () => {
  const media = new LocalMedia();
  await media.start();
  try {
    assert.equal(media.problem, null);
    assert.ok(media.audioTrack && media.videoTrack, 'both tracks');
    media.setAudioEnabled(false);
    media.setVideoEnabled(false);
    assert.equal(media.audioTrack.enabled, false);
    assert.equal(media.videoTrack.enabled, false);
    const [camera] = (await media.listDevices()).videoinput;
    const before = media.videoTrack;
    await media.useDevice('video', camera.deviceId);
    assert.equal(before.readyState, 'ended', 'the old camera track is stopped');
    assert.ok(media.videoTrack !== before && media.videoTrack.enabled === false, 'new track, still off');
  } finally {
    media.stop();
  }
  assert.equal(media.stream.getTracks().length, 0);
});

test('media: when getUserMedia is refused, start keeps going with a problem and no tracks', async () => {
  const original = navigator.mediaDevices.getUserMedia;
  navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no', 'NotAllowedError'));
  try {
    const media = new LocalMedia();
    await media.start();
    assert.equal(media.stream.getTracks().length, 0);
    assert.deepEqual(media.problem.kinds, ['audio', 'video']);
    assert.ok(media.problem.message.includes('blocked'), media.problem.message);
  } finally {
    navigator.mediaDevices.getUserMedia = original;
  }
});
