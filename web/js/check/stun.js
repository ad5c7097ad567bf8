/**
 * Step 6: a server-reflexive candidate from our STUN server, and the address it shows.
 */
import {parseCandidate} from '../insight/candidate.js';
import {addressKind} from './addresses.js';
import {gatherCandidates} from './ice-probe.js';
import {authorityOf, stunServer, withoutIceServers} from './ice-servers.js';
import {failed, passed} from './report.js';

/** Chromium's code for a STUN or TURN server that gave no answer (W3C webrtc, RTCPeerConnectionIceErrorEvent). */
export const SERVER_NOT_REACHABLE = 701;

/**
 * @param {{stunUrl: string|null, candidates: string[], errors: {url: string, errorCode: number,
 *     errorText: string}[], complete: boolean}} seen
 */
export function judgeStun({stunUrl, candidates, errors, complete}) {
  if (!stunUrl) {
    return failed('The server handed out no STUN server, so the browser cannot learn the address the internet ' +
        'sees it by; calls across NATs will fail unless a TURN server carries them.',
    'For the person running the server: don\'t turn STUN/TURN off (--turn-port 0), or name one with ' +
        '--ice-server stun:HOST:PORT.', {stunUrl});
  }
  const parsed = candidates.map(parseCandidate);
  const hosts = parsed.filter((c) => c.type === 'host');
  const reflexive = parsed.filter((c) => c.type === 'srflx');
  const where = authorityOf(stunUrl);
  const details = {stunUrl, reflexiveAddresses: [...new Set(reflexive.map((c) => c.address))],
    hostAddresses: [...new Set(hosts.map((c) => c.address))], errors};
  if (reflexive.length) {
    const shown = details.reflexiveAddresses.join(', ');
    return passed(`Our STUN server at ${where} answered: it sees you at ${shown}, ` +
        reflexiveMeaning(reflexive, hosts), '', details);
  }
  const unanswered = errors.filter((e) => e.errorCode === SERVER_NOT_REACHABLE || !complete);
  if (!complete || unanswered.length) {
    return failed(`Our STUN server at ${where} did not answer over UDP` +
        `${complete ? '' : ' in time'}${errors.length ? ` (${errors[0].errorCode} ${errors[0].errorText})` : ''}.`,
    `A firewall on your network may block UDP to port ${where.replace(/^.*:/, '')}; try another network. For ` +
        'the person running the server: open that port for UDP and TCP, and check --turn-external-ip if the ' +
        'server sits behind NAT.', details);
  }
  if (!hosts.some((c) => c.protocol === 'udp')) {
    return failed('The browser found no network address of its own to send from.',
        'Check that this computer is online; a VPN or a browser setting may hide its addresses.', details);
  }
  if (errors.length) {
    return failed(`Our STUN server at ${where} answered with an error: ${errors[0].errorCode} ` +
        `${errors[0].errorText}.`, 'For the person running the server: check its log.', details);
  }
  // Chromium lists no server-reflexive candidate whose address equals the host candidate it came from; a
  // STUN server that did not answer would have ended the gathering with error 701 instead.
  return passed(`Our STUN server at ${where} answered with one of this computer's own addresses (so the ` +
      'browser listed no separate reflexive one): there is no NAT between you and the server.', '', details);
}

/** What the address a STUN server saw says about the path to it. */
function reflexiveMeaning(reflexive, hosts) {
  if (reflexive.some((c) => hosts.some((h) => h.address === c.address))) {
    return 'an address of this computer itself: there is no NAT between you and the server.';
  }
  const kind = addressKind(reflexive[0].address);
  if (kind === 'loopback') return 'a loopback address: the server runs on this computer.';
  if (kind === 'public') {
    return hosts.some((h) => !h.mdns) ? 'your public address: a NAT translates your own addresses to it.' :
      'your public address.';
  }
  return `a ${kind} address: the server is inside your own network (or your provider's), so this is not the ` +
      'address the internet sees.';
}

export const stunStep = {
  id: 'stun',
  title: 'STUN',
  timeLimitMs: 10000,
  timeoutSays: 'gathering candidates with our STUN server did not finish',
  run: async (context, signal) => {
    if (!context.iceServers) return withoutIceServers('STUN');
    const server = stunServer(context.iceServers);
    if (!server) return judgeStun({stunUrl: null, candidates: [], errors: [], complete: true});
    const seen = await gatherCandidates({iceServers: [server]}, signal);
    return judgeStun({stunUrl: server.urls, ...seen});
  },
};
