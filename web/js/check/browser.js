/**
 * Step 1: does this browser have what a call needs, and is the page a secure context?
 */
import {failed, passed, warning} from './report.js';

/** What the page can see of the browser's WebRTC support, as plain data. */
export function browserFeatures(scope = globalThis) {
  const sender = scope.RTCRtpSender?.prototype;
  return {
    peerConnection: typeof scope.RTCPeerConnection === 'function',
    dataChannel: typeof scope.RTCDataChannel === 'function',
    getUserMedia: typeof scope.navigator?.mediaDevices?.getUserMedia === 'function',
    // RTCRtpScriptTransform is the standard; createEncodedStreams is Chromium's older form of the same.
    encodedTransforms: typeof scope.RTCRtpScriptTransform === 'function' ||
        typeof sender?.createEncodedStreams === 'function',
    secureContext: scope.isSecureContext === true,
    origin: scope.location?.origin ?? '',
  };
}

/**
 * @param {ReturnType<typeof browserFeatures>} features
 * @return {object} an outcome
 */
export function judgeBrowser(features) {
  const missing = [
    ['RTCPeerConnection', features.peerConnection],
    ['RTCDataChannel', features.dataChannel],
    ['getUserMedia', features.getUserMedia],
  ].filter(([, present]) => !present).map(([name]) => name);
  if (!features.secureContext) {
    return failed(`This page is not a secure context (${features.origin}), so the browser refuses the camera and ` +
        'microphone to it.',
    'Open the page as https:// or on localhost. For the person running the server: start it with ' +
        '--tls self-signed (or --tls-cert and --tls-key) and use the https:// address it prints.', features);
  }
  if (missing.length) {
    return failed(`This browser lacks ${missing.join(', ')}, which a call needs.`,
        'Use a current Chrome, Edge, Firefox or Safari.', features);
  }
  if (!features.encodedTransforms) {
    return warning('RTCPeerConnection, RTCDataChannel and getUserMedia are there, but not encoded transforms ' +
        '(insertable streams).', 'Calls work; only features that process encoded frames (such as end-to-end ' +
        'encryption) need them: a current Chrome, Edge, Firefox or Safari has them.', features);
  }
  return passed('RTCPeerConnection, RTCDataChannel, getUserMedia and encoded transforms are all there, and the ' +
      'page is a secure context.', '', features);
}

export const browserStep = {
  id: 'browser',
  title: 'Browser',
  timeLimitMs: 2000,
  timeoutSays: 'looking at the browser\'s features did not finish',
  run: async () => judgeBrowser(browserFeatures()),
};
