/**
 * Step 9: the browser's own addresses as ICE sees them: real addresses or mDNS names, and whether
 * IPv6 is there.
 */
import {parseCandidate} from '../insight/candidate.js';
import {addressKind} from './addresses.js';
import {gatherCandidates} from './ice-probe.js';
import {failed, passed, warning} from './report.js';

/**
 * @param {{candidates: string[], complete: boolean}} seen a gathering without ICE servers
 */
export function judgeNetwork({candidates, complete}) {
  const hosts = candidates.map(parseCandidate).filter((c) => c.type === 'host');
  const addresses = [...new Set(hosts.map((c) => c.address))];
  const kinds = addresses.map(addressKind);
  const details = {hostAddresses: addresses, complete};
  if (!addresses.length) {
    return failed(`The browser listed no address of its own${complete ? '' : ' in time'}.`,
        'Check that this computer is online; a VPN, an extension or a browser policy may block WebRTC.', details);
  }
  const mdns = kinds.filter((k) => k === 'mdns').length;
  const ipv6 = addresses.filter((a) => a.includes(':'));
  const globalIpv6 = ipv6.some((a) => addressKind(a) === 'public');
  details.mdns = mdns > 0;
  details.ipv6 = globalIpv6 ? 'public' : ipv6.some((a) => addressKind(a) !== 'loopback') ? 'local' : 'none';
  const v6 = {
    public: 'IPv6 is available.',
    local: 'IPv6 is there on the local network only (no public IPv6 address); IPv4 carries calls.',
    none: 'No IPv6; IPv4 carries calls, which is fine.',
  }[details.ipv6];
  if (mdns === addresses.length) {
    return passed(`The browser hides this computer's addresses behind ${mdns} mDNS name${mdns === 1 ? '' : 's'} ` +
        `(names ending in .local), as it does until a page may use the camera or microphone; calls still ` +
        `connect through STUN and TURN. ${v6}`, '', details);
  }
  if (kinds.every((k) => k === 'loopback' || k === 'mdns')) {
    return warning(`The browser found only loopback addresses (${addresses.join(', ')}). ${v6}`,
        'This computer seems offline, or WebRTC is limited to loopback: calls to other computers will need TURN.',
        details);
  }
  return passed(`The browser uses this computer's real addresses (${addresses.join(', ')}). ${v6}`, '', details);
}

export const networkStep = {
  id: 'network',
  title: 'Network',
  timeLimitMs: 8000,
  timeoutSays: 'listing this computer\'s addresses did not finish',
  run: async (context, signal) => judgeNetwork(await gatherCandidates({iceServers: []}, signal)),
};
