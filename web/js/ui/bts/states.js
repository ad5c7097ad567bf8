/**
 * The States section: per peer, a timeline of the connection's states (W3C webrtc-pc §4.3): signaling,
 * ICE gathering, ICE connection, the connection as a whole, the DTLS transport and each data channel.
 */
import {h, peerName, rebuild, since, table} from './dom.js';

const NAMES = {
  signalingState: 'signaling state',
  iceGatheringState: 'ICE gathering',
  iceConnectionState: 'ICE connection',
  connectionState: 'connection',
  dtlsState: 'DTLS transport',
  dataChannel: 'data channel',
};

/** One lane per state: its values in order, so the timeline reads across. */
function lanes(trace, changes) {
  const byLane = new Map();
  for (const change of changes) {
    const lane = change.which === 'dataChannel' ? `data channel "${change.label}"` : NAMES[change.which] ?? change.which;
    if (!byLane.has(lane)) byLane.set(lane, []);
    byLane.get(lane).push(change);
  }
  return h('dl', {class: 'bts-lanes'}, [...byLane].map(([lane, list]) => [
    h('dt', {}, lane),
    h('dd', {}, h('ol', {class: 'bts-lane'}, list.map((change) =>
      h('li', {dataset: {value: change.value}}, h('span', {class: 'bts-state-value'}, change.value), ' ',
          h('span', {class: 'bts-time'}, since(trace, change.at)))))),
  ]));
}

export function statesSection() {
  return {
    id: 'states',
    title: 'States',
    render(container, trace) {
      rebuild(container, () => {
        if (!trace.peers.length) return h('p', {class: 'bts-empty'}, 'No peer connection yet.');
        return trace.peers.map(({peerId}) => {
          const changes = trace.events.filter((e) => e.kind === 'state' && e.peerId === peerId);
          return h('section', {class: 'bts-peer', 'aria-label': `States with ${peerName(trace, peerId)}`, dataset: {peerId}},
              h('h3', {}, `With ${peerName(trace, peerId)}`),
              lanes(trace, changes),
              h('details', {dataset: {key: `states-${peerId}`}},
                  h('summary', {}, 'Every change in order'),
                  table(`State changes with ${peerName(trace, peerId)}`, ['time', 'state', 'became'],
                      changes.map((change) => [[since(trace, change.at),
                        change.which === 'dataChannel' ? `data channel "${change.label}"` : NAMES[change.which] ?? change.which,
                        change.value], {'data-testid': 'bts-state-change', dataset: {which: change.which, value: change.value}}]))));
        });
      });
    },
  };
}
