/**
 * The Behind the Scenes view: its sections as tabs (WAI-ARIA tabs pattern: role=tab buttons, one
 * role=tabpanel each), showing one trace. The call page's panel shows the live recording in it, the
 * /trace page a loaded file. Only the chosen section is drawn, and again only when shown a trace.
 */
import {chartsSection} from './charts.js';
import {h} from './dom.js';
import {iceSection} from './ice.js';
import {sdpSection} from './sdp-view.js';
import {serverSection} from './server-side.js';
import {signalingLogSection} from './signaling-log.js';
import {statesSection} from './states.js';
import {storySection} from './story.js';

export class BehindTheScenesView {
  #sections;
  #tabs = new Map();
  #panels = new Map();
  #current;
  #trace = null;

  /** @param {HTMLElement} root where the tabs and their panels go */
  constructor(root) {
    const nav = {
      open: (id, target) => this.open(id, target),
      titleOf: (id) => this.#sections.find((s) => s.id === id)?.title ?? id,
    };
    this.#sections = [storySection(nav), signalingLogSection(nav), sdpSection(), iceSection(), statesSection(),
      chartsSection(), serverSection()];
    const tablist = h('div', {role: 'tablist', 'aria-label': 'Behind the scenes sections', class: 'bts-tabs',
      onkeydown: (event) => this.#arrowKeys(event)});
    for (const section of this.#sections) {
      const tab = h('button', {type: 'button', role: 'tab', id: `bts-tab-${section.id}`, class: 'bts-tab',
        'aria-controls': `bts-section-${section.id}`, 'aria-selected': 'false', tabindex: '-1',
        'data-testid': `bts-tab-${section.id}`, onclick: () => this.open(section.id)}, section.title);
      const panel = h('div', {role: 'tabpanel', id: `bts-section-${section.id}`, class: 'bts-section',
        'aria-labelledby': `bts-tab-${section.id}`, 'data-testid': `bts-section-${section.id}`, tabindex: '0', hidden: true});
      this.#tabs.set(section.id, tab);
      this.#panels.set(section.id, panel);
      tablist.append(tab);
    }
    root.append(tablist, ...this.#panels.values());
    this.open(this.#sections[0].id);
  }

  /** Which section is shown. */
  get current() {
    return this.#current;
  }

  /** Shows section `id`; `target` tells it what to show first (the SDP viewer: {peerId, sdp}). */
  open(id, target) {
    const section = this.#sections.find((s) => s.id === id);
    if (!section) return;
    if (target !== undefined) section.focus?.(target);
    this.#current = id;
    for (const [sectionId, tab] of this.#tabs) {
      const selected = sectionId === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      this.#panels.get(sectionId).hidden = !selected;
    }
    this.#draw();
  }

  /** Shows `trace` (the live recording again, or a file, or a file up to a moment of its replay). */
  show(trace) {
    this.#trace = trace;
    this.#draw();
  }

  #draw() {
    if (!this.#trace) return;
    const section = this.#sections.find((s) => s.id === this.#current);
    section.render(this.#panels.get(section.id), this.#trace);
  }

  #arrowKeys(event) {
    const ids = this.#sections.map((s) => s.id);
    const step = {ArrowRight: 1, ArrowLeft: -1}[event.key];
    if (!step) return;
    const next = ids[(ids.indexOf(this.#current) + step + ids.length) % ids.length];
    this.open(next);
    this.#tabs.get(next).focus();
  }
}
