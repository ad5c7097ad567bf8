/**
 * Step 5: the signaling WebSocket opens, a throwaway room is joined the way a call joins one, and a few
 * `ping`s time the round trip. The `welcome`'s ICE servers (with fresh TURN credentials) are what the
 * STUN, TURN and relay steps use, so they test exactly what a call would get.
 */
import {Signaling, SignalingState} from '../signaling.js';
import {failed, passed, warning} from './report.js';
import {withoutSecrets} from './ice-servers.js';

/** Pings timed; one every PING_INTERVAL_MS once joined. */
const PINGS = 5;
const PING_INTERVAL_MS = 200;
/** Above this a call still works, but every offer, answer and candidate waits this long on the way. */
const SLOW_RTT_MS = 300;

/** A room nobody else can guess or meet by chance: 128 random bits, base64url. */
export function throwawayRoom(random = (bytes) => crypto.getRandomValues(bytes)) {
  const bytes = random(new Uint8Array(16));
  return 'check-' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * What the probe saw, judged.
 * @param {{url: string, opened: boolean, welcomed: boolean, error: {code: string, message: string}|null,
 *     rttsMs: number[], timedOut: boolean}} seen
 */
export function judgeSignaling({url, opened, welcomed, error, rttsMs, timedOut}) {
  const details = {url, opened, welcomed, error, rttsMs};
  if (error) {
    return failed(`The WebSocket to ${url} opened, but the server refused to join a room: ${error.code} ` +
        `(${error.message}).`, error.code === 'server-busy' ?
      'The server is at its room or connection limit: try again later, or raise --max-rooms / --max-connections.' :
      'Copy this result into a bug report.', details);
  }
  if (!opened) {
    return failed(`The WebSocket to ${url} did not open${timedOut ? ' in time' : ''}.`,
        'A proxy or firewall may block WebSockets: try another network. For the person running the server: a ' +
        'reverse proxy in front of it must pass WebSocket upgrades on /ws.', details);
  }
  if (!welcomed) {
    return failed(`The WebSocket to ${url} opened, but the server did not answer the join${timedOut ?
      ' in time' : ''}.`, 'A proxy may hold messages back; for the person running the server: check its log.',
    details);
  }
  if (!rttsMs.length) {
    return warning(`Joined a room through ${url}, but no ping was answered${timedOut ? ' in time' : ''}.`,
        'The connection may be very slow; try another network.', details);
  }
  const median = [...rttsMs].sort((a, b) => a - b)[Math.floor(rttsMs.length / 2)];
  const found = `Joined a room through ${url}; ${rttsMs.length} pings took ${Math.round(median)} ms there and back ` +
      `(median).`;
  Object.assign(details, {medianRttMs: Math.round(median)});
  if (median > SLOW_RTT_MS) {
    return warning(found, 'A slow round trip makes calls take longer to connect; a wired or closer network helps.',
        details);
  }
  return passed(found, '', details);
}

export const signalingStep = {
  id: 'signaling',
  title: 'Signaling',
  timeLimitMs: 10000,
  timeoutSays: 'the signaling WebSocket gave no answer',
  run: async (context, signal) => {
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
    const seen = {url, opened: false, welcomed: false, error: null, rttsMs: [], timedOut: false};
    const signaling = new Signaling(url, {pingIntervalMs: PING_INTERVAL_MS});
    // Pongs come back in the order of the pings, even when one is sent before the last is answered.
    const pingsSentAt = [];
    try {
      await new Promise((resolve) => {
        signal.addEventListener('abort', () => {
          seen.timedOut = true;
          resolve();
        }, {once: true});
        signaling.addEventListener('state', ({detail: {state}}) => {
          if (state === SignalingState.OPEN) seen.opened = true;
        });
        signaling.addEventListener('welcome', ({detail}) => {
          seen.welcomed = true;
          context.iceServers = detail.iceServers;
        });
        signaling.addEventListener('error', ({detail}) => {
          seen.error = {code: detail.code, message: detail.message};
          resolve();
        });
        signaling.addEventListener('frame', ({detail: {direction, message, at}}) => {
          if (direction === 'out' && message?.type === 'ping') pingsSentAt.push(at);
          if (direction === 'in' && message?.type === 'pong' && pingsSentAt.length) {
            seen.rttsMs.push(at - pingsSentAt.shift());
            if (seen.rttsMs.length >= PINGS) resolve();
          }
        });
        signaling.join(throwawayRoom(), 'Connection check');
      });
    } finally {
      signaling.leave();
    }
    const outcome = judgeSignaling(seen);
    outcome.details.iceServers = withoutSecrets(context.iceServers);
    return outcome;
  },
};
