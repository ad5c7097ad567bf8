/**
 * The real browser recordings the insight tests read, kept under web/test/fixtures/ and refreshed by
 * InsightFixturesTest (-Dinsight.record=true).
 */

/** @param {string} path below fixtures/ @return {Promise<string>} */
export async function fixtureText(path) {
  const response = await fetch(new URL(`./fixtures/${path}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return response.text();
}

/** @param {string} path below fixtures/ @return {Promise<any>} */
export async function fixtureJson(path) {
  return JSON.parse(await fixtureText(path));
}
