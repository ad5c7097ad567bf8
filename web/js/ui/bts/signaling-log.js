/**
 * The Signaling log section: every WebSocket message in and out, with its time, direction, type, the
 * peer it is from or for (by name) and its size; a row opens into the whole (redacted) message, and an
 * offer or answer into the SDP viewer.
 */
import {bytes, h, peerName, rebuild, since} from './dom.js';

/** The remote peer a message is about: the sender or recipient of a signal, who joined or left. */
function peerOf(message) {
  if (!message) return null;
  return message.from ?? message.to ?? message.peer?.peerId ?? message.peerId ?? null;
}

function describe(message) {
  const payload = message?.payload;
  if (payload?.description) return payload.description.type;
  if (payload && 'candidate' in payload) return payload.candidate ? 'candidate' : 'end of candidates';
  return null;
}

/** @param {{open: (sectionId: string, target?: object) => void}} nav */
export function signalingLogSection(nav) {
  return {
    id: 'signaling',
    title: 'Signaling log',
    render(container, trace) {
      const frames = trace.events.filter((e) => e.kind === 'signaling-frame');
      rebuild(container, () => [
        h('p', {class: 'bts-intro'}, `${frames.length} WebSocket messages between this page and the signaling `
            + 'server. Secrets (the resume token, TURN passwords) are left out of the record.'),
        h('ol', {class: 'bts-log', 'data-testid': 'bts-signaling-log'}, frames.map((frame) => {
          const peerId = peerOf(frame.message);
          const what = describe(frame.message);
          const description = frame.message?.payload?.description;
          return h('li', {dataset: {direction: frame.direction, type: frame.type ?? 'unparsed'}},
              // The whole message is laid out only when opened: a log holds hundreds of them.
              h('details', {dataset: {key: `${frame.at}:${frame.direction}`}, ontoggle: ({target}) => {
                const pre = target.querySelector('pre');
                if (target.open && !pre.textContent) pre.textContent = JSON.stringify(frame.message, null, 2);
              }},
                  h('summary', {},
                      h('span', {class: 'bts-time'}, since(trace, frame.at)),
                      h('span', {class: 'bts-direction'}, frame.direction === 'out' ? 'sent →' : '← received'),
                      h('span', {class: 'bts-type'}, frame.type ?? '(not JSON)', what ? ` (${what})` : ''),
                      h('span', {class: 'bts-peer'}, peerId ? peerName(trace, peerId) : ''),
                      h('span', {class: 'bts-size'}, bytes(frame.size))),
                  description ? h('button', {type: 'button', class: 'link-button',
                    onclick: () => nav.open('sdp', {peerId, sdp: description.sdp})},
                  `Open this ${description.type} in the SDP viewer`) : null,
                  h('pre', {class: 'bts-json'})));
        })),
      ]);
    },
  };
}
