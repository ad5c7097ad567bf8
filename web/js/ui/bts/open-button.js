/**
 * The "Behind the scenes" button of the call page. The panel's modules load at the first press, so a
 * call whose view is never opened costs only the recording.
 */
const button = document.getElementById('bts-toggle');

/**
 * @param {import('../../bts/recorder.js').Recorder} recorder
 * @param {import('../../call.js').Call} call
 */
export function bindBehindTheScenes(recorder, call) {
  let panel = null;
  const setOpen = (open) => {
    panel.setOpen(open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', async () => {
    if (!panel) {
      // Until now the server collected nothing for this page; from now on it reports what it does for it.
      call.observeServer?.(true);
      const {createCallPanel} = await import('./call-panel.js');
      panel ??= createCallPanel(recorder, {onClose: () => setOpen(false)});
    }
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
}
