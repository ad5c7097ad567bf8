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
  return [[serverTime(event, first), event.signal ?? '',
    `${peerName(trace, event.from)} → ${peerName(trace, event.to)}`, bytes(event.size),
    relayMs != null ? `${relayMs.toFixed(3)} ms` : '', event.outcome ?? ''], {'data-testid': 'bts-server-relayed'}];
}

/** The fields of an event other than the ones every event has, as "name value" pairs. */
function fields(event) {
  return Object.entries(event).filter(([name]) => !['at', 'kind'].includes(name))
      .map(([name, value]) => `${name} ${typeof value === 'object' ? JSON.stringify(value) : value}`).join(', ');
}

/** The latest counts of each allocation (by relayed address), from turn-usage events and the snapshot. */
function usageTable(events) {
  const latest = new Map();
  for (const event of events) {
    const counts = event.kind === 'snapshot' ? event.allocations ?? [] : event.kind === 'turn-usage' ? [event] : [];
    for (const allocation of counts) latest.set(allocation.relayedAddress ?? allocation.clientAddress, allocation);
  }
  if (!latest.size) return null;
  return table('Bytes and packets our TURN server relayed for this page',
      ['relayed address', 'transport', 'to the peers', 'to this page'],
      [...latest.values()].map((a) => [[a.relayedAddress ?? '', a.transport ?? '',
        `${bytes(a.bytesToPeer ?? 0)} in ${a.packetsToPeer ?? 0} packets`,
        `${bytes(a.bytesToClient ?? 0)} in ${a.packetsToClient ?? 0} packets`],
      {'data-testid': 'bts-turn-usage', dataset: {bytesToPeer: a.bytesToPeer ?? 0, bytesToClient: a.bytesToClient ?? 0}}]));
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
        const allocation = events.filter((e) => e.kind === 'turn-allocation');
        const snapshot = events.find((e) => e.kind === 'snapshot');
        return [
          h('p', {class: 'bts-intro'}, 'Times here are the server\'s own clock, counted from its first report.'),
          snapshot ? h('p', {}, `When this page started observing, the server knew it as ${snapshot.name} (${snapshot.peerId}) `
            + `in room ${snapshot.room}; ${snapshot.turn ? 'it runs the TURN server it hands out' : 'it runs no TURN server of its own'}.`) : null,
          h('h3', {}, 'TURN allocation'),
          allocation.length ? table('TURN allocation of this page', ['server time', 'what', 'details'],
              allocation.map((e) => [[serverTime(e, first), e.action ?? e.kind, fields(e)],
                {'data-testid': 'bts-server-allocation', dataset: {action: e.action ?? e.kind}}]))
            : h('p', {class: 'bts-empty'}, 'No TURN allocation: this page\'s media does not go through our TURN server.'),
          usageTable(events),
          h('h3', {}, 'Signaling messages relayed'),
          table('Signaling messages the server relayed for this page', ['server time', 'signal', 'from → to', 'size', 'relay time', 'outcome'],
              relayed.map((e) => relayedRow(trace, e, first))),
        ];
      });
    },
  };
}
