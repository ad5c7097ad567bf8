import {Status, failed, passed, summarize, toJson, toText, warning} from '../js/check/report.js';
import {runSteps} from '../js/check/runner.js';
import {assert, test} from './runner.js';

const result = (id, outcome, durationMs = 1200) => ({id, title: id.toUpperCase(), ...outcome, durationMs, timedOut: false});
const RUN = {
  startedAt: new Date('2026-12-03T12:00:00Z'),
  page: 'https://example.org/check',
  userAgent: 'TestBrowser/1',
  results: [
    result('browser', passed('All there.')),
    result('camera', failed('Denied.', 'Allow it.', {reason: 'denied'})),
    result('speaker', warning('No output choice.', 'Use the system settings.')),
    result('network', passed('Real addresses.')),
  ],
};

test('check report: the summary counts each status, with plurals', () => {
  assert.deepEqual(summarize(RUN.results), {passed: 2, warnings: 1, failed: 1,
    line: '2 passed, 1 warning, 1 failed'});
  assert.equal(summarize([]).line, '0 passed, 0 warnings, 0 failed');
  assert.equal(summarize([{status: Status.WARNING}, {status: Status.WARNING}]).line, '0 passed, 2 warnings, 0 failed');
});

test('check report: the text form numbers the steps and gives the advice of those that need it', () => {
  const text = toText(RUN);
  const lines = text.split('\n');
  assert.equal(lines[0], 'WebRTC Scratch connection check, 2026-12-03T12:00:00.000Z');
  assert.ok(text.includes('Page: https://example.org/check\nBrowser: TestBrowser/1\n2 passed, 1 warning, 1 failed\n'),
      text);
  assert.ok(text.includes('2. CAMERA: FAILED (1.2 s)\n   Denied.\n   What to do: Allow it.\n'), text);
  assert.ok(text.includes('1. BROWSER: PASSED (1.2 s)\n   All there.\n2.'), 'no advice line when there is none');
});

test('check report: the JSON form has the format, the summary and each step with its details', () => {
  const json = toJson(RUN);
  assert.equal(json.format, 'webrtc-scratch-check');
  assert.equal(json.version, 1);
  assert.equal(json.startedAt, '2026-12-03T12:00:00.000Z');
  assert.deepEqual(json.summary, {passed: 2, warnings: 1, failed: 1});
  assert.deepEqual(json.steps.map((s) => s.id), ['browser', 'camera', 'speaker', 'network']);
  assert.deepEqual(json.steps[1].details, {reason: 'denied'});
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json, 'plain data');
});

/** Timers that fire on the next task, whatever their delay: a time limit passes at once. */
const instantTimers = {setTimer: (fn) => setTimeout(fn, 0), clearTimer: clearTimeout};

test('check runner: steps run in order, each reported as it starts and ends', async () => {
  const events = [];
  const step = (id, status) => ({id, title: id, timeLimitMs: 1000, timeoutSays: 'x',
    run: async (context) => {
      context.seen.push(id);
      return {status, found: id, advice: '', details: {}};
    }});
  const context = {seen: []};
  const results = await runSteps([step('a', 'passed'), step('b', 'failed')], context, {
    onStart: (s, i) => events.push(`start ${s.id} ${i}`),
    onResult: (r, i) => events.push(`end ${r.id} ${r.status} ${i}`),
  });
  assert.deepEqual(events, ['start a 0', 'end a passed 0', 'start b 1', 'end b failed 1']);
  assert.deepEqual(context.seen, ['a', 'b']);
  assert.deepEqual(results.map((r) => [r.id, r.title, r.status, r.timedOut]),
      [['a', 'a', 'passed', false], ['b', 'b', 'failed', false]]);
  assert.ok(results.every((r) => Number.isInteger(r.durationMs)));
});

test('check runner: a step that throws fails with the error, and the next one still runs', async () => {
  const results = await runSteps([
    {id: 'broken', title: 'Broken', timeLimitMs: 1000, timeoutSays: 'x', run: () => {
      throw new TypeError('boom');
    }},
    {id: 'next', title: 'Next', timeLimitMs: 1000, timeoutSays: 'x', run: async () => passed('fine')},
  ], {});
  assert.equal(results[0].status, 'failed');
  assert.ok(results[0].found.includes('TypeError: boom'), results[0].found);
  assert.equal(results[1].status, 'passed');
});

test('check runner: past its time limit a step is aborted and may still say what it found', async () => {
  const [result] = await runSteps([{id: 'slow', title: 'Slow', timeLimitMs: 5000, timeoutSays: 'x',
    run: (context, signal) => new Promise((resolve) => signal.addEventListener('abort',
        () => resolve(failed('No answer in time.')), {once: true}))}], {}, instantTimers);
  assert.equal(result.status, 'failed');
  assert.equal(result.found, 'No answer in time.');
  assert.equal(result.timedOut, true);
});

test('check runner: a step that does not answer even then fails saying what timed out', async () => {
  const [result, next] = await runSteps([
    {id: 'stuck', title: 'Stuck', timeLimitMs: 30000, timeoutSays: 'the camera did not start',
      timeoutAdvice: 'Answer the prompt.', run: () => new Promise(() => {})},
    {id: 'next', title: 'Next', timeLimitMs: 1000, timeoutSays: 'x', run: async () => passed('fine')},
  ], {}, instantTimers);
  assert.equal(result.status, 'failed');
  assert.equal(result.found, 'Timed out after 30 s: the camera did not start.');
  assert.equal(result.advice, 'Answer the prompt.');
  assert.equal(result.timedOut, true);
  assert.equal(next.status, 'passed');
});
