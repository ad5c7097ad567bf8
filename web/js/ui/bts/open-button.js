/**
 * The "Behind the scenes" button of the call page. The panel's modules and stylesheet load at the first
 * press, so a call whose view is never opened costs only the recording.
 */
const button = document.getElementById('bts-toggle');

/**
 * @param {import('../../bts/recorder.js').Recorder|null} recorder null: nothing is recorded (the bts-cost
 *     benchmark's ?recorder=0), so there is nothing to show and the button goes
 * @param {import('../../call.js').Call} call
 */
export function bindBehindTheScenes(recorder, call) {
  if (!recorder) {
    button.hidden = true;
    return;
  }
  let panel = null;
  const setOpen = (open) => {
    panel.setOpen(open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', async () => {
    if (!panel) {
      // Until now the server collected nothing for this page; from now on it reports what it does for it.
      call.observeServer?.(true);
      const [{createCallPanel}] = await Promise.all([import('./call-panel.js'), loadStylesheet('/css/bts.css')]);
      panel ??= createCallPanel(recorder, {onClose: () => setOpen(false)});
    }
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
}

/** Adds a stylesheet to the page; resolves once it applies (or failed: the panel still works unstyled). */
function loadStylesheet(href) {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = link.onerror = resolve;
    document.head.append(link);
  });
}
