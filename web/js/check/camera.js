/**
 * Step 2: the camera: a live preview (shown by the page through `context.view`), its resolution and
 * frame rate, the cameras there are, and why it could not be had.
 */
import {mediaFailure} from './media-errors.js';
import {passed, warning} from './report.js';

/** Ask for more than a call sends, to show what the camera can do. */
const CONSTRAINTS = {video: {width: {ideal: 1280}, height: {ideal: 720}}};
const LOW_FPS = 15;
const LOW_HEIGHT = 240;

/**
 * @param {{label: string, width: number, height: number, frameRate: number}} track what the camera gives
 * @param {string[]} cameras the labels of every camera
 */
export function judgeCamera(track, cameras) {
  const size = `${track.width}×${track.height} at ${Math.round(track.frameRate)} fps`;
  const others = cameras.filter((label) => label !== track.label);
  const list = others.length ? ` Other cameras: ${others.join(', ')}.` : ' It is the only camera.';
  const details = {...track, cameras};
  const found = `The camera "${track.label}" works: ${size}.${list}`;
  if (track.frameRate < LOW_FPS || track.height < LOW_HEIGHT) {
    return warning(found, 'Video will look choppy or blurry: more light helps a webcam keep its frame rate; ' +
        'another camera may do better.', details);
  }
  return passed(found, '', details);
}

export const cameraStep = {
  id: 'camera',
  title: 'Camera',
  // Includes the time a person takes to answer the browser's permission prompt.
  timeLimitMs: 30000,
  timeoutSays: 'the camera did not start; was the browser\'s permission prompt answered?',
  timeoutAdvice: 'Allow the camera in the prompt (or in the address bar), then run the check again.',
  run: async (context, signal) => {
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) return mediaFailure('camera', null);
    let stream;
    try {
      stream = await devices.getUserMedia(CONSTRAINTS);
    } catch (error) {
      return mediaFailure('camera', error);
    }
    // Kept live (preview, and real addresses for the network step) until the whole check ends.
    context.keep(stream);
    if (signal.aborted) stream.getTracks().forEach((t) => t.stop());
    const [track] = stream.getVideoTracks();
    context.view.showPreview(stream);
    const {width, height, frameRate} = track.getSettings();
    const cameras = (await devices.enumerateDevices()).filter((d) => d.kind === 'videoinput')
        .map((d, i) => d.label || `camera ${i + 1}`);
    return judgeCamera({label: track.label, width, height, frameRate}, cameras);
  },
};
