/**
 * A very small test runner for the in-browser module tests: `test(name, fn)` registers, `run()` runs
 * them in order and leaves the results in `window.__testResults` for the JUnit side to read.
 */

const tests = [];

/** @param {string} name @param {() => (void|Promise<void>)} fn */
export function test(name, fn) {
  tests.push({name, fn});
}

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

export const assert = {
  ok(value, message = 'expected a truthy value') {
    if (!value) throw new AssertionError(`${message} (got ${show(value)})`);
  },
  equal(actual, expected, message = '') {
    if (!Object.is(actual, expected)) {
      throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  deepEqual(actual, expected, message = '') {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  throws(fn, errorName, message = '') {
    try {
      fn();
    } catch (error) {
      if (errorName && error.name !== errorName) {
        throw new AssertionError(`${message}: expected ${errorName}, got ${error.name}: ${error.message}`);
      }
      return error;
    }
    throw new AssertionError(`${message ? message + ': ' : ''}expected an exception`);
  },
};

/**
 * Waits until `condition()` is truthy, polling every 20 ms.
 * @param {() => unknown} condition
 * @param {string} what for the message if it never happens
 * @param {number} [timeoutMs]
 */
export async function eventually(condition, what, timeoutMs = 20000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new AssertionError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs every registered test; each result is {name, ok, error}. */
export async function run() {
  const results = [];
  for (const {name, fn} of tests) {
    try {
      await fn();
      results.push({name, ok: true});
    } catch (error) {
      results.push({name, ok: false, error: `${error.name}: ${error.message}\n${error.stack ?? ''}`});
    }
  }
  window.__testResults = results;
  return results;
}

function show(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
