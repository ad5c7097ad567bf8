/**
 * The ICE part of the story (RFC 8445): gathering, STUN/TURN trouble, connectivity checks and the pair
 * that won, with what each means for a newcomer.
 */

import {candidatePairs} from './stats-series.js';
import {CHECK_PAGE, line, stateEvents} from './story-line.js';

function serverUrls(iceServers, scheme) {
  return (iceServers ?? []).flatMap((server) => [].concat(server.urls ?? server.url ?? []))
    .filter((url) => scheme.test(url));
}

/** `local`: this side's candidates for the peer, from local-candidates.js. */
export function gatheringLines(events, local, iceServers, who, on) {
  const candidates = local.map(({candidate}) => candidate);
  const states = events.filter((event) => event.kind === 'state' && event.which === 'iceGatheringState');
  const started = states.find((event) => event.value === 'gathering')
    ?? events.find((event) => event.kind === 'candidate' && event.side === 'local');
  if (!started && candidates.length === 0) return [];
  const done = states.find((event) => event.value === 'complete' && event.at >= (started?.at ?? 0))
    ?? events.find((event) => event.kind === 'end-of-candidates' && event.side === 'local');
  const at = started?.at ?? events.find((event) => event.kind === 'description' && event.side === 'local')?.at ?? 0;
  const counts = {};
  for (const candidate of candidates) counts[candidate.type] = (counts[candidate.type] ?? 0) + 1;
  const list = Object.entries(counts).map(([type, count]) => `${count} ${type}`).join(', ') || 'no candidates';
  const mdns = candidates.some((candidate) => candidate.mdns)
    ? ' Some host addresses are hidden behind random .local names (mDNS), so that a web page cannot learn the '
      + 'device\'s local addresses; the other side resolves them only on the same network.'
    : '';
  const stun = serverUrls(iceServers, /^stuns?:/i);
  const turn = serverUrls(iceServers, /^turns?:/i);
  const noTurn = iceServers && turn.length === 0 ? ' No TURN server is configured, so there can be no relay '
    + 'candidate: peers behind strict firewalls will not connect.' : '';
  // With iceTransportPolicy 'relay' the browser offers relay candidates only: no srflx is expected then.
  const relayOnly = candidates.length > 0 && candidates.every((candidate) => candidate.type === 'relay');
  const policy = relayOnly ? ' Only relay candidates: the connection was set to use the TURN server only '
    + '(iceTransportPolicy "relay").' : '';
  const lines = [line(at, `ICE gathering: ${list}`, `The browser collected the addresses where ${who} might `
    + 'reach this side: its own interfaces (host), its public address as a STUN server saw it (srflx) and '
    + `addresses on a TURN server (relay) (RFC 8445 §5.1.1).${mdns}${noTurn}${policy}`, 'ice',
  on({duration: done ? done.at - at : null}))];
  const end = done?.at ?? at;
  if (iceServers && (stun.length || turn.length) && !counts.srflx && !relayOnly) {
    lines.push(line(end, 'No server-reflexive (srflx) candidate', `No STUN answer came from ${[...stun, ...turn]
      .join(', ')}: UDP to the server may be blocked by a firewall, or the server is down; or there is no NAT `
      + 'on the way, since the browser drops a srflx address equal to a host one. Between two machines on one '
      + 'network that doesn\'t matter; across the internet, only a relay can connect you then '
      + `(RFC 8445 §5.1.1.2). ${capitalize(CHECK_PAGE)}.`, 'ice', on({status: 'warning'})));
  }
  if (turn.length && !counts.relay) {
    lines.push(line(end, 'No relay candidate', `The TURN server ${turn.join(', ')} gave no relay address: it was `
      + 'not reachable (over UDP, or TCP for ?transport=tcp), or it refused the credential. Calls that need a relay '
      + `will fail; ${CHECK_PAGE} (RFC 8656).`, 'ice', on({status: 'warning'})));
  }
  const errors = new Map();
  for (const event of events.filter((e) => e.kind === 'candidate-error')) {
    errors.set(`${event.url} ${event.errorCode}`, event);
  }
  for (const event of errors.values()) {
    lines.push(line(event.at, `ICE server error ${event.errorCode}${event.url ? ` from ${event.url}` : ''}`,
      `${candidateErrorMeaning(event.errorCode)}${event.errorText ? ` The browser said: "${event.errorText}".` : ''} `
      + `Other candidates may still connect the call; ${CHECK_PAGE} (W3C WebRTC, RTCPeerConnectionIceErrorEvent).`,
      'ice', on({status: 'warning'})));
  }
  return lines;
}

function candidateErrorMeaning(code) {
  const meanings = {
    701: 'The server could not be reached at all: no answer came (a blocked port, a wrong address, or the '
      + 'server is down).',
    401: 'The TURN server rejected the username and password: the credential may have expired.',
    403: 'The TURN server forbade the request, e.g. a peer address it does not relay to.',
    437: 'The TURN server had no matching allocation (a stale one, after a restart of either side).',
    438: 'The TURN server\'s nonce had gone stale; browsers normally retry by themselves.',
    486: 'The TURN server refused another allocation for this user: its quota is reached.',
    508: 'The TURN server is out of capacity for new allocations.',
  };
  return meanings[code] ?? 'The STUN or TURN server answered with an error (RFC 8489 §14.8, RFC 8656 §19).';
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function checkLines(events, local, samples, iceServers, who, on) {
  const lines = [];
  const ice = stateEvents(events, 'iceConnectionState');
  const connection = stateEvents(events, 'connectionState');
  const checking = ice.find((event) => event.value === 'checking');
  const connected = ice.find((event) => ['connected', 'completed'].includes(event.value));
  const failed = [...ice, ...connection].filter((event) => event.value === 'failed').sort((a, b) => a.at - b.at)[0];
  const remote = new Set(events.filter((event) => event.kind === 'candidate' && event.side === 'remote')
    .map((event) => event.candidate)).size;
  if (checking && connected) {
    lines.push(line(checking.at, 'Connectivity checks succeeded', 'Each side paired its candidates with the '
      + `other's${remote ? ` (${remote} came from ${who})` : ''} and sent STUN binding requests on the pairs, best `
      + 'priority first, until one got an answer both ways; then the controlling side nominated it '
      + `(RFC 8445 §6.1.4, §8).${pairCount(samples)}`, 'ice', on({duration: connected.at - checking.at})));
  }
  if (failed) {
    const hasRelay = local.some(({candidate}) => candidate.type === 'relay');
    const fix = hasRelay
      ? 'Even the relay candidates did not work: the TURN server could not reach the other side, or its '
        + `permissions were refused; ${CHECK_PAGE}.`
      : 'There was no relay candidate to fall back on, so a firewall or a strict NAT between you could not be '
        + `crossed: a reachable TURN server fixes that; ${CHECK_PAGE}.`;
    lines.push(line(failed.at, connected && failed.at > connected.at ? 'Connection lost (ICE failed)'
      : 'Connectivity checks failed', `No candidate pair got an answer in time (RFC 8445 §8). ${fix} The app `
      + 'restarts ICE once the connection has failed.', 'ice', on({status: 'failed'})));
  }
  const disconnected = connection.find((event) => event.value === 'disconnected'
    && (!connected || event.at > connected.at));
  if (disconnected) {
    lines.push(line(disconnected.at, 'Connection interrupted', 'No packets came from the other side for a few '
      + 'seconds (consent checks, RFC 7675). It often heals by itself; if it stays broken the app restarts ICE.',
    'states', on({status: 'warning'})));
  }
  lines.push(...pairLines(samples, iceServers, connected?.at ?? null, on));
  return lines;
}

/** " N pairs were formed, M answered." from the first sample that has pairs, else "". */
function pairCount(samples) {
  const pairs = samples.map((sample) => candidatePairs(sample.report)).find((found) => found.length);
  if (!pairs) return '';
  const succeeded = pairs.filter((pair) => pair.state === 'succeeded').length;
  return ` ${pairs.length} pair${pairs.length === 1 ? ' was' : 's were'} formed; ${succeeded} answered.`;
}

/** The selected pair and its changes; the first is told when ICE connected, since the sample only shows it. */
function pairLines(samples, iceServers, connectedAt, on) {
  const lines = [];
  let last = null;
  for (const sample of samples) {
    const selected = candidatePairs(sample.report).find((pair) => pair.selected && pair.local && pair.remote);
    if (!selected) continue;
    const key = `${selected.local.type}/${selected.local.protocol}/${selected.remote.type}`;
    if (key === last) continue;
    const {title, meaning} = pairMeaning(selected, iceServers);
    const at = last === null && connectedAt !== null && connectedAt <= sample.at ? connectedAt : sample.at;
    lines.push(line(at, `${last ? 'The selected pair changed: ' : 'The winning pair: '}${title}`,
      `${meaning} Local ${selected.local.address}:${selected.local.port}, remote `
      + `${selected.remote.address}:${selected.remote.port}${selected.rtt !== null ? `, ${Math.round(selected.rtt)} ms `
        + 'round trip' : ''} (RFC 8445 §8.1).`, 'ice', on()));
    last = key;
  }
  return lines;
}

function pairMeaning(pair, iceServers) {
  const {local, remote} = pair;
  const protocol = (local.protocol ?? 'udp').toUpperCase();
  const title = `${local.type} ↔ ${remote.type} over ${protocol}`;
  if (local.type === 'relay' || remote.type === 'relay') {
    const ours = local.url && serverUrls(iceServers, /^turns?:/i).some((url) => url === local.url);
    const theirs = 'the other side\'s TURN server';
    const named = ours ? 'our TURN server' : `the TURN server${local.url ? ` ${local.url}` : ''}`;
    const server = local.type === 'relay' ? named : theirs;
    return {title, meaning: `Media is relayed by ${server}${local.relayProtocol ? `, reached over `
      + `${local.relayProtocol.toUpperCase()}` : ''}: no direct path worked (or only relay was allowed), so every `
      + 'packet takes a detour through the server (RFC 8656).'};
  }
  if ([local.type, remote.type].some((type) => type === 'srflx' || type === 'prflx')) {
    return {title, meaning: 'Media goes straight between the two devices, through a NAT: at least one side is '
      + 'reached at the public address its router gave it (RFC 8445 §5.1.1.2).'};
  }
  return {title, meaning: `A direct path between the devices' own addresses${protocol === 'TCP'
    ? ', over TCP since UDP did not work' : ''}: they can reach each other without any server in between.`};
}
