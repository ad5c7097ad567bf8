/**
 * The SDP viewer section: one session description at a time, split into its session part and media
 * sections, each line with insight's one-sentence explanation beside it (unexplained lines shown plainly),
 * and the difference from the previous description of the same connection and side.
 */
import {diffSdp, parseSdp} from '../../insight/sdp.js';
import {h, peerName, rebuild, since} from './dom.js';

function label(trace, d) {
  return `${since(trace, d.at)} · ${peerName(trace, d.peerId)} · ${d.side} ${d.type}`;
}

function lineList(lines) {
  return h('ol', {class: 'bts-sdp-lines'}, lines.map((line) =>
    h('li', {class: line.explanation ? 'explained' : 'plain'},
        h('code', {}, line.text),
        line.explanation ? h('span', {class: 'bts-explanation'}, line.explanation) : null)));
}

function sections(parsed) {
  return [
    h('section', {class: 'bts-sdp-part', 'aria-label': 'Session part'},
        h('h4', {}, 'Session part'), lineList(parsed.session.lines)),
    ...parsed.media.map((media, index) =>
      h('section', {class: 'bts-sdp-part', 'aria-label': `Media section ${index + 1}`},
          h('h4', {}, `Media section ${index + 1}: ${media.kind}${media.mid != null ? `, mid ${media.mid}` : ''}`),
          lineList(media.lines))),
  ];
}

function diffView(diff) {
  return h('div', {class: 'bts-sdp-diff', 'data-testid': 'bts-sdp-diff'}, diff.sections.map((part) =>
    h('section', {'aria-label': `Changes in ${part.name}`, dataset: {status: part.status}},
        h('h4', {}, `${part.name}: ${part.status}`),
        h('ol', {class: 'bts-sdp-lines'},
            part.removed.map((line) => h('li', {class: 'removed'}, h('span', {class: 'bts-sign'}, 'removed '), h('code', {}, line.text))),
            part.added.map((line) => h('li', {class: 'added'}, h('span', {class: 'bts-sign'}, 'added '), h('code', {}, line.text)))))));
}

export function sdpSection() {
  let chosen = null; // {peerId, sdp} chosen by the reader or a link; otherwise the latest is shown
  let shownKey = null; // what is on screen, so that a live update that changes nothing leaves it alone
  return {
    id: 'sdp',
    title: 'SDP viewer',
    focus(target) {
      chosen = target ?? null;
    },
    render(container, trace) {
      const descriptions = trace.events.filter((e) => e.kind === 'description');
      if (!descriptions.length) {
        shownKey = null;
        container.replaceChildren(h('p', {class: 'bts-empty'}, 'No session description yet.'));
        return;
      }
      let index = chosen ? descriptions.findIndex((d) => d.sdp === chosen.sdp && (!chosen.peerId || d.peerId === chosen.peerId)) : -1;
      if (index < 0) index = descriptions.length - 1;
      const shown = descriptions[index];
      const key = `${trace.timeOrigin}:${trace.exportedAt}:${descriptions.length}:${index}`;
      if (key === shownKey && container.firstChild) return;
      shownKey = key;
      const previous = descriptions.slice(0, index).reverse()
          .find((d) => d.peerId === shown.peerId && d.side === shown.side);
      const picker = h('select', {id: 'bts-sdp-pick', 'data-testid': 'bts-sdp-pick',
        onchange: ({target}) => {
          chosen = descriptions[Number(target.value)];
          this.render(container, trace);
        }}, descriptions.map((d, i) => h('option', {value: i, selected: i === index}, label(trace, d))));
      rebuild(container, () => [
          h('label', {for: 'bts-sdp-pick'}, 'Session description'),
          picker,
          h('p', {class: 'bts-intro', 'data-testid': 'bts-sdp-shown', dataset: {type: shown.type, side: shown.side}},
              `A ${shown.side} ${shown.type} of the connection with ${peerName(trace, shown.peerId)}. `
              + 'An SDP offer says what this side can send and receive; the answer picks from it (RFC 8829, RFC 8866).'),
          ...sections(parseSdp(shown.sdp)),
          previous ? h('details', {class: 'bts-sdp-compare', dataset: {key: 'compare'}},
              h('summary', {}, `Compare with the previous ${shown.side} description (${label(trace, previous)})`),
              diffView(diffSdp(previous.sdp, shown.sdp))) : [],
      ]);
    },
  };
}
