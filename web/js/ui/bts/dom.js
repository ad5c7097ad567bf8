/**
 * Small DOM helpers shared by the Behind the Scenes sections (the call page's panel and /trace).
 */

/**
 * Makes an element: `h('td', {class: 'x', dataset: {id: 1}}, 'text', child)`. Attributes whose value is
 * null, undefined or false are left out; `on*` functions become listeners. Children may come in arrays,
 * nested to any depth.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child != null && child !== false)
      .map((child) => (child instanceof Node ? child : String(child))));
  return element;
}

/** Seconds since the first event of the trace, as "+12.345 s". */
export function since(trace, at) {
  return `+${((at - startOf(trace)) / 1000).toFixed(3)} s`;
}

/** The time of the trace's first event (or sample), what every "+… s" counts from. */
export function startOf(trace) {
  let start = trace.events[0]?.at ?? Infinity;
  for (const samples of Object.values(trace.stats ?? {})) start = Math.min(start, samples[0]?.at ?? Infinity);
  return Number.isFinite(start) ? start : 0;
}

/** The name of a peer of the trace (this page's own too), or its id. */
export function peerName(trace, peerId) {
  if (peerId == null) return '';
  if (peerId === trace.call?.localPeerId) return `${trace.call.name ?? 'this page'} (this page)`;
  return trace.peers.find((p) => p.peerId === peerId)?.name || peerId;
}

/** A table from its column titles and rows of cells (strings or nodes); rows may be [cells, attributes]. */
export function table(caption, columns, rows) {
  // In a box of its own that scrolls sideways when the table can't fit, so the section never does.
  return h('div', {class: 'bts-table-wrap'}, h('table', {class: 'bts-table'},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((title) => h('th', {scope: 'col'}, title)))),
      h('tbody', {}, rows.map((row) => {
        const [cells, attributes] = Array.isArray(row[0]) ? row : [row, {}];
        return h('tr', attributes, cells.map((cell) => h('td', {}, cell ?? '')));
      }))));
}

/**
 * Rebuilds `container` with `build()`'s nodes, keeping open the `<details data-key>` that were open, so a
 * live update does not close what the reader opened.
 */
export function rebuild(container, build) {
  const open = new Set([...container.querySelectorAll('details[open][data-key]')].map((d) => d.dataset.key));
  const scroll = container.scrollTop;
  container.replaceChildren(...[build()].flat().filter((node) => node != null));
  for (const details of container.querySelectorAll('details[data-key]')) {
    if (open.has(details.dataset.key)) details.open = true;
  }
  container.scrollTop = scroll;
}

/** A byte count in words: 980 B, 12.3 kB, 4.56 MB. */
export function bytes(count) {
  if (count == null) return '';
  if (count < 1000) return `${count} B`;
  if (count < 1e6) return `${(count / 1e3).toFixed(1)} kB`;
  return `${(count / 1e6).toFixed(2)} MB`;
}
