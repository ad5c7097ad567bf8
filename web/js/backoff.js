/**
 * Reconnect delays: exponential from `baseMs`, doubling per attempt up to `maxMs`, each spread by
 * ±`jitter` so that clients dropped together by one server restart do not return together.
 * (docs/protocol.md, "Keep-alive and dropped connections": 0.5 s doubling to 10 s, with jitter.)
 *
 * @param {number} attempt 0 for the first retry after a drop
 * @param {{baseMs?: number, maxMs?: number, jitter?: number, random?: () => number}} [options]
 * @return {number} milliseconds to wait, within [(1 - jitter) * base, maxMs]
 */
export function backoffDelay(attempt, {baseMs = 500, maxMs = 10000, jitter = 0.2, random = Math.random} = {}) {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const nominal = Math.min(maxMs, baseMs * 2 ** exponent);
  const spread = 1 - jitter + 2 * jitter * random();
  return Math.min(maxMs, Math.round(nominal * spread));
}
