/**
 * Runs the check's steps one after another, each within its time limit. No DOM: progress goes out
 * through the callbacks.
 */
import {failed} from './report.js';

/** How long a step that passed its time limit gets to say what it found before it is given up on. */
const GRACE_MS = 1500;

/**
 * A step: `run(context, signal)` resolves to an {@link outcome}; when `signal` aborts (its time limit
 * passed) it should stop and resolve with what it found by then. `timeLimitMs` bounds it; `timeoutSays`
 * completes "Timed out after N s: …" for a step that did not answer even then.
 * @typedef {{id: string, title: string, timeLimitMs: number, timeoutSays: string, timeoutAdvice?: string,
 *     run: (context: object, signal: AbortSignal) => Promise<object>}} Step
 */

/**
 * @param {Step[]} steps
 * @param {object} context shared by the steps (a step may leave something there for those after it)
 * @param {{onStart?: (step: Step, index: number) => void, onResult?: (result: object, index: number) => void,
 *     now?: () => number, setTimer?: (fn: () => void, ms: number) => unknown,
 *     clearTimer?: (timer: unknown) => void}} [hooks]
 * @return {Promise<object[]>} one result per step: the outcome plus id, title, durationMs, timedOut
 */
export async function runSteps(steps, context, {onStart = () => {}, onResult = () => {},
  now = () => performance.now(), setTimer = setTimeout, clearTimer = clearTimeout} = {}) {
  const results = [];
  for (const [index, step] of steps.entries()) {
    onStart(step, index);
    const started = now();
    const {outcome, timedOut} = await runOne(step, context, {setTimer, clearTimer});
    const result = {id: step.id, title: step.title, ...outcome, durationMs: Math.round(now() - started), timedOut};
    results.push(result);
    onResult(result, index);
  }
  return results;
}

async function runOne(step, context, {setTimer, clearTimer}) {
  const controller = new AbortController();
  const running = Promise.resolve()
      .then(() => step.run(context, controller.signal))
      .catch((error) => failed(`The check itself went wrong: ${error?.name ?? 'Error'}: ${error?.message ?? error}.`,
          'Try again; if it happens again, copy the result into a bug report.'));
  const timers = [];
  const after = (ms, value) => new Promise((resolve) => timers.push(setTimer(() => resolve(value), ms)));
  const limit = Symbol('limit');
  try {
    const first = await Promise.race([running, after(step.timeLimitMs, limit)]);
    if (first !== limit) return {outcome: first, timedOut: false};
    controller.abort();
    const late = await Promise.race([running, after(GRACE_MS, limit)]);
    if (late !== limit) return {outcome: late, timedOut: true};
    const seconds = Math.round(step.timeLimitMs / 1000);
    return {outcome: failed(`Timed out after ${seconds} s: ${step.timeoutSays}.`, step.timeoutAdvice ?? ''), timedOut: true};
  } finally {
    timers.forEach(clearTimer);
  }
}
