/**
 * Step 8: a call from this page to itself through the relay: two peer connections that may use relay
 * candidates only, a reliable data channel between them pushed as hard as it goes for a few seconds (the
 * throughput), the round-trip time of the selected candidate pair from getStats(), and the loss of small
 * messages sent at a video call's pace over an unreliable channel, which nothing retransmits, as RTP isn't.
 * (A transfer that fills the path loses packets on purpose, to find its limit: its loss says nothing
 * about a call.) No DOM, no WebSocket.
 */
import {selectedPair} from '../insight/stats-series.js';
import {turnServers, withoutIceServers} from './ice-servers.js';
import {failed, passed, warning} from './report.js';

const THROUGHPUT_MS = 3000;
/** Enough to measure a fast path well without filling a slow machine's memory. */
const MAX_BYTES = 24 * 1024 * 1024;
const CHUNK_BYTES = 16 * 1024;
const HIGH_WATER_BYTES = 1024 * 1024;
/** The video a call page sends (640×360 at 24 fps, media.js) needs about this much per receiver. */
export const VIDEO_MBPS = 0.8;
/** Loss probes: 1,000 bytes every 10 ms is 0.8 Mbit/s, the pace of that video. */
const PROBES = 100;
const PROBE_BYTES = 1000;
const PROBE_INTERVAL_MS = 10;
/** How long a probe may still be on its way after the last one was sent. */
const PROBE_SETTLE_MS = 1000;
/** A room holds 8 people, so one sends to at most 7 others (mesh). */
const MAX_RECEIVERS = 7;

/**
 * Judges the loopback numbers.
 * @param {{connected: boolean, connectMs: number|null, bytes: number, throughputMbps: number|null,
 *     rttMs: number|null, lossPercent: number|null, relayProtocol: string|null, limitSeconds: number}} seen
 */
export function judgeLoopback(seen) {
  const details = {...seen};
  if (!seen.connected && seen.noRelay) {
    return failed('Two peer connections in this page, allowed to use only the relay, could not connect: the TURN ' +
        'server gave them no relayed address.', 'See the TURN steps above.', details);
  }
  if (!seen.connected) {
    return failed(`Two peer connections in this page, allowed to use only the relay, did not connect within ` +
        `${seen.limitSeconds} s.`, 'If both TURN steps passed, the relayed addresses cannot be reached. For the ' +
        'person running the server: open the relay ports (--turn-relay-ports, UDP), set --turn-external-ip ' +
        'behind NAT, and allow private or loopback peers (--turn-allow-private-peers, ' +
        '--turn-allow-loopback-peers) when the server and its users share a LAN or a machine.', details);
  }
  if (!seen.bytes) {
    return failed(`The two connections connected through the relay in ${seconds(seen.connectMs)} s, but no data ` +
        'crossed it.', 'For the person running the server: check --turn-bandwidth and the server\'s log.', details);
  }
  const numbers = `connected in ${seconds(seen.connectMs)} s over ${seen.relayProtocol?.toUpperCase() ?? 'the ' +
    'relay'}; ${seen.throughputMbps.toFixed(1)} Mbit/s, round trip ${seen.rttMs ?? '?'} ms, ` +
    `${seen.lossPercent === null ? 'loss unknown' : `${seen.lossPercent.toFixed(1)}% loss`}.`;
  const receivers = Math.min(MAX_RECEIVERS, Math.floor(seen.throughputMbps / VIDEO_MBPS));
  const meaning = [];
  const problems = [];
  if (receivers >= MAX_RECEIVERS) {
    meaning.push(`enough to send our video (about ${VIDEO_MBPS} Mbit/s a person) to everyone in a full room of 8`);
  } else if (receivers >= 1) {
    meaning.push(`enough to send our video (about ${VIDEO_MBPS} Mbit/s a person) to ${receivers} other` +
        `${receivers === 1 ? '' : 's'} at once`);
  } else {
    problems.push('too little for video: audio and chat will work, video will stall or drop to a low quality');
  }
  if (seen.rttMs !== null && seen.rttMs > 300) {
    problems.push(`a ${seen.rttMs} ms round trip makes people talk over each other`);
  }
  if (seen.lossPercent !== null && seen.lossPercent > 2) {
    problems.push(`${seen.lossPercent.toFixed(1)}% loss shows as frozen or blocky video`);
  }
  if (seen.connectMs > 5000) problems.push('calls will take several seconds to connect');
  const found = `Through the relay (you, the server and back to you): ${numbers} For a video call: ` +
      `${[...meaning, ...problems].join('; ')}.`;
  if (problems.length) {
    return warning(found, 'A wired connection, a closer network or fewer people in the call helps; a TURN server ' +
        'closer to you helps the person running the server.', details);
  }
  return passed(found, '', details);
}

function seconds(ms) {
  return (ms / 1000).toFixed(1);
}

/**
 * Runs the loopback call.
 * @param {RTCIceServer[]} iceServers the TURN servers
 * @param {AbortSignal} signal ends the call early; what was measured by then is returned
 */
export async function loopbackCall(iceServers, signal, now = () => performance.now()) {
  const configuration = {iceServers, iceTransportPolicy: 'relay'};
  const a = new RTCPeerConnection(configuration);
  const b = new RTCPeerConnection(configuration);
  const seen = {connected: false, noRelay: false, connectMs: null, bytes: 0, throughputMbps: null, rttMs: null,
    lossPercent: null, relayProtocol: null};
  const aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), {once: true}));
  try {
    // Without a relay candidate on either side there is nothing to wait for.
    const noRelay = new Promise((resolve) => {
      const gathered = new Map([[a, 0], [b, 0]]);
      for (const [pc, other] of [[a, b], [b, a]]) {
        pc.addEventListener('icecandidate', ({candidate}) => {
          if (candidate?.candidate) {
            gathered.set(pc, gathered.get(pc) + 1);
            other.addIceCandidate(candidate).catch(() => {});
          } else if (!candidate && gathered.get(pc) === 0) {
            resolve('no-relay');
          }
        });
      }
    });
    const started = now();
    const channel = a.createDataChannel('check');
    const probes = a.createDataChannel('probes', {ordered: false, maxRetransmits: 0});
    const probesReceived = [];
    const received = new Promise((resolve) => b.addEventListener('datachannel', ({channel: c}) => {
      if (c.label === 'check') resolve(c);
      else c.addEventListener('message', ({data}) => probesReceived.push(data));
    }));
    const opened = new Promise((resolve) => channel.addEventListener('open', resolve, {once: true}));
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription);
    const far = await Promise.race([Promise.all([opened, received]).then(([, c]) => c), aborted, noRelay]);
    seen.noRelay = far === 'no-relay';
    if (far === 'aborted' || far === 'no-relay') return seen;
    seen.connected = true;
    seen.connectMs = Math.round(now() - started);
    await measureThroughput(channel, far, seen, aborted, now);
    Object.assign(seen, await pathStats(a));
    seen.lossPercent = await measureLoss(probes, probesReceived, aborted);
    return seen;
  } finally {
    a.close();
    b.close();
  }
}

async function measureThroughput(channel, far, seen, aborted, now) {
  let receivedBytes = 0;
  let lastReceived = null;
  far.addEventListener('message', ({data}) => {
    receivedBytes += data.byteLength ?? data.size ?? data.length;
    lastReceived = now();
  });
  const chunk = new Uint8Array(CHUNK_BYTES);
  const firstSent = now();
  let sentBytes = 0;
  channel.bufferedAmountLowThreshold = HIGH_WATER_BYTES / 2;
  let stop = false;
  aborted.then(() => {
    stop = true;
  });
  while (!stop && now() - firstSent < THROUGHPUT_MS && sentBytes < MAX_BYTES) {
    if (channel.bufferedAmount > HIGH_WATER_BYTES) {
      await Promise.race([new Promise((r) => channel.addEventListener('bufferedamountlow', r, {once: true})), aborted]);
      continue;
    }
    channel.send(chunk);
    sentBytes += CHUNK_BYTES;
  }
  // What was sent still has to arrive; the time to the last byte counts.
  const allIn = new Promise((resolve) => {
    const check = () => (receivedBytes >= sentBytes ? resolve() : setTimeout(check, 20));
    check();
  });
  await Promise.race([allIn, aborted, new Promise((r) => setTimeout(r, THROUGHPUT_MS))]);
  seen.bytes = receivedBytes;
  seen.throughputMbps = lastReceived && lastReceived > firstSent ?
    (receivedBytes * 8) / ((lastReceived - firstSent) * 1000) : 0;
}

/**
 * Sends the probes at their pace and counts those that arrived.
 * @return {Promise<number|null>} the percentage lost, or null if the channel never opened
 */
async function measureLoss(probes, probesReceived, aborted) {
  const sleep = (ms) => Promise.race([new Promise((resolve) => setTimeout(resolve, ms)), aborted]);
  if (probes.readyState !== 'open') return null;
  const probe = new Uint8Array(PROBE_BYTES);
  let sent = 0;
  for (; sent < PROBES && probes.readyState === 'open'; sent++) {
    probes.send(probe);
    if (await sleep(PROBE_INTERVAL_MS) === 'aborted') break;
  }
  await sleep(PROBE_SETTLE_MS);
  return sent ? Math.max(0, sent - probesReceived.length) / sent * 100 : null;
}

/** The selected candidate pair's round-trip time (ICE checks through the relay) and relay transport. */
async function pathStats(pc) {
  const report = await pc.getStats();
  const pair = selectedPair([...report.values()]);
  if (!pair) return {rttMs: null, relayProtocol: null};
  const average = pair.responsesReceived ? pair.totalRoundTripTime / pair.responsesReceived : null;
  const rttSeconds = pair.currentRoundTripTime ?? average;
  return {
    rttMs: rttSeconds === null ? null : Math.round(rttSeconds * 1000),
    relayProtocol: report.get(pair.localCandidateId)?.relayProtocol ?? null,
  };
}

export const loopbackStep = {
  id: 'loopback',
  title: 'Call through the relay',
  timeLimitMs: 20000,
  timeoutSays: 'the call through the relay did not finish',
  run: async (context, signal) => {
    if (!context.iceServers) return withoutIceServers('The call through the relay');
    const servers = turnServers(context.iceServers);
    if (!servers.length) {
      return failed('The call through the relay was not tried: no TURN server is configured.',
          'See the TURN steps.', {});
    }
    const seen = await loopbackCall(servers, signal);
    return judgeLoopback({...seen, limitSeconds: loopbackStep.timeLimitMs / 1000});
  },
};
