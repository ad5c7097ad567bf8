/**
 * Saves a trace as a JSON file through an ordinary download (an `<a download>` with a Blob URL).
 */

/** The file name of an exported trace: the room and the time, e.g. scratch-trace-quiet-otter-2026-12-03T12-00-00.json. */
export function traceFileName(trace) {
  const time = (trace.exportedAt ?? new Date().toISOString()).replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  return `scratch-trace-${trace.call?.room ?? 'call'}-${time}.json`;
}

/** @param {object} trace a trace ready for JSON.stringify */
export function downloadTrace(trace) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(trace)], {type: 'application/json'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = traceFileName(trace);
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
