/**
 * The ICE section (RFC 8445): per peer, the local and remote candidates with their priority decoded and,
 * for local srflx/relay ones, the STUN/TURN URL that produced them; the candidate pairs from the latest
 * getStats() sample, the selected one highlighted and labelled "selected"; and the warnings a newcomer
 * needs (no srflx, no relay, mDNS host names, candidate errors).
 */
import {candidateTypeMeaning, decodePriority, parseCandidate} from '../../insight/candidate.js';
import {localCandidates} from '../../insight/local-candidates.js';
import {NOT_REPORTED, candidatePairs} from '../../insight/stats-series.js';
import {bytes, h, peerName, rebuild, table} from './dom.js';

function parsed(event) {
  try {
    return parseCandidate(event.candidate);
  } catch {
    return null;
  }
}

function candidateTable(caption, candidates, side) {
  return table(caption,
      ['type', 'protocol', 'address', 'port', 'related address', 'priority (type / local / component)', side === 'local' ? 'from' : null]
          .filter(Boolean),
      candidates.map(({url, candidate}) => {
        const {typePreference, localPreference, component} = decodePriority(candidate.priority);
        const cells = [
          h('abbr', {title: candidateTypeMeaning(candidate.type)}, candidate.type),
          candidate.protocol + (candidate.tcpType ? ` (${candidate.tcpType})` : ''),
          candidate.address + (candidate.mdns ? ' (mDNS name)' : ''),
          candidate.port,
          candidate.relatedAddress ? `${candidate.relatedAddress}:${candidate.relatedPort}` : '',
          `${candidate.priority} (${typePreference} / ${localPreference} / ${component})`,
        ];
        // Chromium names the STUN/TURN server of a srflx or relay candidate; other browsers don't.
        if (side === 'local') cells.push(url ?? (candidate.type === 'srflx' || candidate.type === 'relay' ? NOT_REPORTED : ''));
        return [cells, {dataset: {type: candidate.type, protocol: candidate.protocol}, 'data-testid': `bts-${side}-candidate`}];
      }));
}

function warnings(local, errors, gatheringDone) {
  const types = new Set(local.map(({candidate}) => candidate.type));
  const list = [];
  if (gatheringDone && !types.has('srflx')) {
    list.push('No server-reflexive (srflx) candidate: no STUN server answered (not configured, or UDP to it is '
      + 'blocked). Calls across NATs will need a relay.');
  }
  if (gatheringDone && !types.has('relay')) {
    list.push('No relay candidate: the TURN server was not reachable or not configured. When no direct path '
      + 'works, the call fails.');
  }
  if (local.some(({candidate}) => candidate.mdns)) {
    list.push('Host candidates with ".local" names are mDNS names: the browser hides this device\'s local '
      + 'address from the page until it has camera or microphone permission, and the other side resolves it.');
  }
  for (const error of errors) {
    list.push(`Candidate error ${error.errorCode} from ${error.url}: ${error.errorText}`
      + (error.address ? ` (local ${error.address}:${error.port})` : ''));
  }
  return list;
}

function pairTable(trace, samples) {
  const last = samples?.at(-1);
  if (!last) return h('p', {class: 'bts-empty'}, 'No getStats() sample yet.');
  const pairs = candidatePairs(last.report);
  return table('Candidate pairs (latest getStats sample)',
      ['', 'local', 'remote', 'state', 'nominated', 'RTT', 'sent', 'received'],
      pairs.map((pair) => [[
        pair.selected ? h('strong', {class: 'bts-selected-label'}, 'selected') : '',
        endpoint(pair.local), endpoint(pair.remote), pair.state, pair.nominated ? 'yes' : 'no',
        // Only the pair in use is sure to have been measured; for it a missing RTT is the browser's gap.
        pair.rtt != null ? `${pair.rtt.toFixed(1)} ms` : pair.selected ? NOT_REPORTED : '',
        bytes(pair.bytesSent), bytes(pair.bytesReceived),
      ], {class: pair.selected ? 'bts-selected' : null, 'data-testid': 'bts-candidate-pair',
        dataset: {selected: String(Boolean(pair.selected)), local: pair.local?.type ?? '', remote: pair.remote?.type ?? ''}}]));
}

function endpoint(candidate) {
  if (!candidate) return '';
  return `${candidate.type} ${candidate.protocol ?? ''} ${candidate.address ?? ''}:${candidate.port ?? ''}`;
}

export function iceSection() {
  return {
    id: 'ice',
    title: 'ICE',
    render(container, trace) {
      rebuild(container, () => {
        if (!trace.peers.length) return h('p', {class: 'bts-empty'}, 'No peer connection yet.');
        return trace.peers.map(({peerId}) => {
          const mine = trace.events.filter((e) => e.peerId === peerId);
          const remote = mine.filter((e) => e.kind === 'candidate' && e.side === 'remote')
              .map((event) => ({url: null, candidate: parsed(event)})).filter(({candidate}) => candidate);
          // The same list the story counts: events, sent signals and local descriptions together.
          const local = localCandidates(trace.events, peerId);
          const gatheringDone = mine.some((e) => e.kind === 'end-of-candidates' && e.side === 'local'
              || e.kind === 'state' && e.which === 'iceGatheringState' && e.value === 'complete');
          const errors = mine.filter((e) => e.kind === 'candidate-error');
          const warningList = warnings(local, errors, gatheringDone);
          return h('section', {class: 'bts-peer', 'aria-label': `ICE with ${peerName(trace, peerId)}`, dataset: {peerId}},
              h('h3', {}, `With ${peerName(trace, peerId)}`),
              warningList.length ? h('ul', {class: 'bts-warnings', 'data-testid': 'bts-ice-warnings'},
                  warningList.map((text) => h('li', {}, h('strong', {}, 'Warning: '), text))) : null,
              candidateTable('Local candidates (this browser)', local, 'local'),
              candidateTable('Remote candidates (the other browser)', remote, 'remote'),
              pairTable(trace, trace.stats?.[peerId]));
        });
      });
    },
  };
}
