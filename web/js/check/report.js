/**
 * The connection check's result: the three outcomes of a step, the summary line, and the two forms a
 * person can take away (plain text for a support request, JSON for a bug report). Pure functions.
 */

/** How a step ended; shown as these words. */
export const Status = Object.freeze({
  PASSED: 'passed',
  WARNING: 'warning',
  FAILED: 'failed',
});

export const REPORT_FORMAT = 'webrtc-scratch-check';

/**
 * One step's outcome.
 * @param {string} status one of {@link Status}
 * @param {string} found what was tested and what was found, one or two sentences
 * @param {string} [advice] what to do about it; empty when there is nothing to do
 * @param {object} [details] numbers and names behind the sentences (in the JSON form)
 */
export function outcome(status, found, advice = '', details = {}) {
  return {status, found, advice, details};
}

export const passed = (found, advice, details) => outcome(Status.PASSED, found, advice, details);
export const warning = (found, advice, details) => outcome(Status.WARNING, found, advice, details);
export const failed = (found, advice, details) => outcome(Status.FAILED, found, advice, details);

/**
 * @param {{status: string}[]} results
 * @return {{passed: number, warnings: number, failed: number, line: string}}
 */
export function summarize(results) {
  const count = (status) => results.filter((r) => r.status === status).length;
  const counts = {passed: count(Status.PASSED), warnings: count(Status.WARNING), failed: count(Status.FAILED)};
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {...counts, line: `${counts.passed} passed, ${plural(counts.warnings, 'warning')}, ${counts.failed} failed`};
}

/**
 * The whole check as one object: what JSON.stringify writes for "Download JSON".
 * @param {{startedAt: Date, page: string, userAgent: string, results: object[]}} run
 */
export function toJson({startedAt, page, userAgent, results}) {
  const {passed: p, warnings, failed: f} = summarize(results);
  return {
    format: REPORT_FORMAT,
    version: 1,
    startedAt: startedAt.toISOString(),
    page,
    userAgent,
    summary: {passed: p, warnings, failed: f},
    steps: results.map(({id, title, status, found, advice, details, durationMs, timedOut}) =>
      ({id, title, status, found, advice, details, durationMs, timedOut})),
  };
}

/**
 * The whole check as text, for pasting into a support request.
 * @param {{startedAt: Date, page: string, userAgent: string, results: object[]}} run
 */
export function toText({startedAt, page, userAgent, results}) {
  const lines = [
    `WebRTC Scratch connection check, ${startedAt.toISOString()}`,
    `Page: ${page}`,
    `Browser: ${userAgent}`,
    summarize(results).line,
    '',
  ];
  results.forEach(({title, status, found, advice, durationMs}, i) => {
    lines.push(`${i + 1}. ${title}: ${status.toUpperCase()} (${(durationMs / 1000).toFixed(1)} s)`);
    lines.push(`   ${found}`);
    if (advice) lines.push(`   What to do: ${advice}`);
  });
  return lines.join('\n') + '\n';
}
