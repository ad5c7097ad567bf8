/**
 * The check's steps, in the order they run. Camera and microphone come before the network steps: once
 * the page may use them, the browser shows its real addresses instead of mDNS names, as it will in a call.
 */
import {browserStep} from './browser.js';
import {cameraStep} from './camera.js';
import {loopbackStep} from './loopback.js';
import {microphoneStep} from './microphone.js';
import {networkStep} from './network.js';
import {signalingStep} from './signaling-check.js';
import {speakerStep} from './speaker.js';
import {stunStep} from './stun.js';
import {turnTcpStep, turnUdpStep} from './turn.js';

export const STEPS = Object.freeze([
  browserStep,
  cameraStep,
  microphoneStep,
  speakerStep,
  signalingStep,
  stunStep,
  turnUdpStep,
  turnTcpStep,
  loopbackStep,
  networkStep,
]);
