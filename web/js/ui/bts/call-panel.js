/**
 * The call page's Behind the Scenes panel: a side panel (full screen at the press of a button, a
 * full-screen sheet on a phone) with the view of the live recording, an Export button and Close.
 * Loaded only when first opened; while it is closed nothing is drawn.
 */
import {tellStory} from '../../insight/story.js';
import {downloadTrace} from './export.js';
import {h} from './dom.js';
import {BehindTheScenesView} from './view.js';

/** The live view redraws at most this often, however many events come. */
const REDRAW_MS = 1000;

/**
 * @param {import('../../bts/recorder.js').Recorder} recorder
 * @param {{onClose: () => void}} options
 * @return {{element: HTMLElement, setOpen: (open: boolean) => void}}
 */
export function createCallPanel(recorder, {onClose}) {
  const fullScreen = h('button', {type: 'button', class: 'chip', 'aria-pressed': 'false', 'data-testid': 'bts-full-screen',
    onclick: () => {
      const full = fullScreen.getAttribute('aria-pressed') !== 'true';
      fullScreen.setAttribute('aria-pressed', String(full));
      element.classList.toggle('bts-full', full);
    }}, 'Full screen');
  const body = h('div', {class: 'bts-body'});
  const element = h('aside', {class: 'bts-panel', id: 'bts-panel', 'aria-labelledby': 'bts-title', 'data-testid': 'bts-panel', hidden: true},
      h('header', {class: 'bts-header'},
          h('h2', {id: 'bts-title'}, 'Behind the scenes'),
          h('button', {type: 'button', class: 'chip', 'data-testid': 'bts-export',
            // The story goes in too, for whoever reads the file without this viewer (docs/trace-format.md).
            onclick: () => downloadTrace({...recorder.exportTrace(), story: tellStory(recorder.trace)})}, 'Export'),
          fullScreen,
          h('button', {type: 'button', class: 'chip', 'data-testid': 'bts-close', onclick: onClose}, 'Close')),
      body);
  document.body.append(element);
  const view = new BehindTheScenesView(body);

  let open = false;
  let timer = null;
  const redraw = () => {
    timer = null;
    if (open) view.show(recorder.trace);
  };
  recorder.onChange(() => {
    if (open && !timer) timer = setTimeout(redraw, REDRAW_MS);
  });
  return {
    element,
    setOpen(value) {
      open = value;
      element.hidden = !value;
      if (value) redraw();
    },
  };
}
