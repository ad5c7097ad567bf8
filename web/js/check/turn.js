/**
 * Step 7: a relay candidate from our TURN server over UDP, and another over TCP, each from a peer
 * connection of its own that knows only that one `turn:` URL and gathers relay candidates only. A server
 * that refuses the credentials (401) is told apart from one that cannot be reached (Chromium's 701, or
 * no answer at all).
 */
import {parseCandidate} from '../insight/candidate.js';
import {isPublic} from './addresses.js';
import {gatherCandidates} from './ice-probe.js';
import {authorityOf, turnServer, turnServers, withoutIceServers} from './ice-servers.js';
import {failed, passed, warning} from './report.js';
import {SERVER_NOT_REACHABLE} from './stun.js';

const UNAUTHORIZED = 401;
/** STUN error codes a TURN server answers an Allocate with (RFC 8656 §6.2, §19), in words. */
const ALLOCATE_ERRORS = {
  403: 'it does not allow this allocation (Forbidden)',
  437: 'it saw a mismatched allocation (Allocation Mismatch)',
  438: 'it kept calling the nonce stale (Stale Nonce)',
  440: 'it does not support the address family (Address Family not Supported)',
  442: 'it does not support this transport (Unsupported Transport Protocol)',
  486: 'this user holds as many allocations as allowed (Allocation Quota Reached)',
  508: 'it is out of relay ports or at its allocation limit (Insufficient Capacity)',
};
const SEND_TO_ADMIN = 'Nothing to do in the browser: send this result to whoever runs the server.';

/**
 * @param {'udp'|'tcp'} transport
 * @param {{turnUrl: string|null, anyTurn: boolean, candidates: string[], errors: {url: string,
 *     errorCode: number, errorText: string}[], complete: boolean}} seen
 */
export function judgeTurn(transport, {turnUrl, anyTurn, candidates, errors, complete}) {
  const over = transport.toUpperCase();
  const details = {transport, turnUrl, errors, complete};
  if (!turnUrl) {
    return failed(anyTurn ? `The server hands out TURN, but none over ${over}.` :
      'No TURN server is configured: the server handed out no turn: URL, so calls between networks that block ' +
        'direct connections (many company networks, some mobile carriers) will fail.',
    'For the person running the server: run our TURN server (leave out --turn-port 0), point at one with ' +
        '--turn-remote, or name one with --ice-server turn:HOST:PORT?transport=' + transport + ',USER,PASS.',
    details);
  }
  const where = `${authorityOf(turnUrl)} over ${over}`;
  const relays = candidates.map(parseCandidate).filter((c) => c.type === 'relay');
  details.relayAddresses = [...new Set(relays.map((c) => `${c.address}:${c.port}`))];
  if (relays.length) {
    const found = `Our TURN server at ${where} accepted the credentials and gave the relayed address ` +
        `${details.relayAddresses[0]}.`;
    const turnHost = authorityOf(turnUrl).replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (isPublic(turnHost) && !relays.some((c) => isPublic(c.address))) {
      return warning(found + ' That address is not a public one, though the server is reached at a public ' +
          'address: others will not be able to send to it.', 'For the person running the server: it sits ' +
          'behind NAT; start it with --turn-external-ip set to its public address.', details);
    }
    return passed(found, '', details);
  }
  const refused = errors.find((e) => e.errorCode === UNAUTHORIZED);
  if (refused) {
    return failed(`Our TURN server at ${where} refused the credentials this server handed out ` +
        `(${UNAUTHORIZED} ${(refused.errorText || 'Unauthorized').replace(/\.$/, '')}).`,
    `${SEND_TO_ADMIN} For the person running the server: the signaling server and the TURN server must share ` +
        'one --turn-secret (with --turn-remote), and their clocks must agree, since the credentials carry ' +
        'their expiry time.', details);
  }
  const other = errors.find((e) => e.errorCode !== SERVER_NOT_REACHABLE && ALLOCATE_ERRORS[e.errorCode]);
  if (other) {
    return failed(`Our TURN server at ${where} refused the allocation: ${ALLOCATE_ERRORS[other.errorCode]} ` +
        `(${other.errorCode}).`, `${SEND_TO_ADMIN} For the person running the server: see its log and the ` +
        'allocation limits (--turn-max-allocations, --turn-user-quota, --turn-relay-ports).', details);
  }
  const port = authorityOf(turnUrl).replace(/^.*:/, '');
  const cause = complete ? (transport === 'tcp' ? 'the TCP connection was refused or failed' : 'it gave no answer') :
    'it gave no answer in time';
  return failed(`Our TURN server at ${where} could not be reached: ${cause}.`,
      `A firewall on your network may block ${over} to port ${port}; ` +
      (transport === 'udp' ? 'TURN over TCP may still get through. ' : 'if TURN over UDP works, calls will use it. ') +
      `For the person running the server: open port ${port} for UDP and TCP (and the relay ports, ` +
      '--turn-relay-ports, for UDP), and set --turn-external-ip behind NAT.', details);
}

/** @param {'udp'|'tcp'} transport */
function turnStep(transport) {
  return {
    id: `turn-${transport}`,
    title: `TURN over ${transport.toUpperCase()}`,
    timeLimitMs: 10000,
    timeoutSays: `asking our TURN server for a relayed address over ${transport.toUpperCase()} did not finish`,
    run: async (context, signal) => {
      if (!context.iceServers) return withoutIceServers(`TURN over ${transport.toUpperCase()}`);
      const server = turnServer(context.iceServers, transport);
      const anyTurn = turnServers(context.iceServers).length > 0;
      if (!server) return judgeTurn(transport, {turnUrl: null, anyTurn, candidates: [], errors: [], complete: true});
      const seen = await gatherCandidates({iceServers: [server], iceTransportPolicy: 'relay'}, signal);
      return judgeTurn(transport, {turnUrl: server.urls, anyTurn, ...seen});
    },
  };
}

export const turnUdpStep = turnStep('udp');
export const turnTcpStep = turnStep('tcp');
