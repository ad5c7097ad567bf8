/**
 * The server's side section: what our own server saw of this peer, from the `server` events of the
 * observe protocol (docs/protocol.md): the signaling messages it relayed with its own timestamps (so the
 * relay time shows), and this peer's TURN allocation (RFC 8656) from creation to deletion with the bytes
 * and packets it relayed each way.
 */
import {bytes, h, peerName, rebuild, table} from './dom.js';

function serverTime(event, first) {
  return `+${((event.at - first) / 1000).toFixed(3)} s`;
}

function relayedRow(trace, event, first) {
  const relayMs = event.sentAt != null && event.receivedAt != null ? event.sentAt - event.receivedAt : null;
  return [[serverTime(event, first), event.messageType ?? event.type ?? '',
    `${peerName(trace, event.from)} → ${peerName(trace, event.to)}`, bytes(event.size),
    relayMs != null ? `${relayMs} ms` : ''], {'data-testid': 'bts-server-relayed'}];
}

/** The fields of an event other than the ones every event has, as "name value" pairs. */
function fields(event) {
  return Object.entries(event).filter(([name]) => !['at', 'kind'].includes(name))
      .map(([name, value]) => `${name} ${typeof value === 'object' ? JSON.stringify(value) : value}`).join(', ');
}

function usageSummary(usage) {
  if (!usage) return null;
  const line = (what, b, p) => `${what}: ${bytes(b ?? 0)} in ${p ?? 0} packets`;
  return h('p', {class: 'bts-turn-usage', 'data-testid': 'bts-turn-usage',
    dataset: {bytesToPeer: usage.bytesToPeer ?? 0, bytesFromPeer: usage.bytesFromPeer ?? 0}},
  'Relayed by our TURN server for this page: ',
  line('to the other side', usage.bytesToPeer, usage.packetsToPeer), '; ',
  line('from the other side', usage.bytesFromPeer, usage.packetsFromPeer), '.');
}

export function serverSection() {
  return {
    id: 'server',
    title: "The server's side",
    render(container, trace) {
      const events = trace.events.filter((e) => e.kind === 'server').map((e) => e.event);
      rebuild(container, () => {
        if (!events.length) {
          return h('p', {class: 'bts-empty'}, 'Nothing from the server yet. Our server reports what it does for this '
            + 'page once the view has been opened (it collects nothing for a page that never asks).');
        }
        const first = events[0].at;
        const relayed = events.filter((e) => e.kind === 'relayed');
        const allocation = events.filter((e) => e.kind === 'turn-allocation' || e.kind === 'snapshot');
        const usage = events.filter((e) => e.kind === 'turn-usage').at(-1);
        return [
          h('p', {class: 'bts-intro'}, 'Times here are the server\'s own clock, counted from its first report.'),
          h('h3', {}, 'TURN allocation'),
          allocation.length ? table('TURN allocation of this page', ['server time', 'what', 'details'],
              allocation.map((e) => [[serverTime(e, first), e.action ?? e.kind, fields(e)],
                {'data-testid': 'bts-server-allocation', dataset: {action: e.action ?? e.kind}}]))
            : h('p', {class: 'bts-empty'}, 'No TURN allocation: this page\'s media does not go through our TURN server.'),
          usageSummary(usage),
          h('h3', {}, 'Signaling messages relayed'),
          table('Signaling messages the server relayed for this page', ['server time', 'type', 'from → to', 'size', 'relay time'],
              relayed.map((e) => relayedRow(trace, e, first))),
        ];
      });
    },
  };
}
