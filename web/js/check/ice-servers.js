/**
 * The STUN and TURN URLs among the ICE servers the signaling server handed out (RFC 7064, RFC 7065), so
 * that each step can try one of them alone. Pure functions.
 */

/** `turn:host:3478?transport=tcp` → 'tcp'; a turn: URL without a transport is UDP (RFC 7065 §3). */
export function transportOf(url) {
  return /[?&]transport=tcp\b/i.test(url) ? 'tcp' : 'udp';
}

/** The host and port of a stun:/turn: URL, for messages: `turn:[::1]:3478?transport=udp` → `[::1]:3478`. */
export function authorityOf(url) {
  return url.replace(/^(stuns?|turns?):/i, '').replace(/\?.*$/, '');
}

/**
 * @param {RTCIceServer[]} iceServers
 * @return {{url: string, server: RTCIceServer}[]} every URL with the server entry it came from
 */
function urlsOf(iceServers) {
  return (iceServers ?? []).flatMap((server) => [server.urls].flat().map((url) => ({url, server})));
}

/** The first `stun:` URL, as an ICE server of its own, or null. */
export function stunServer(iceServers) {
  const found = urlsOf(iceServers).find(({url}) => /^stun:/i.test(url));
  return found ? {urls: found.url} : null;
}

/**
 * The first plain `turn:` URL of `transport` with its credentials, as an ICE server of its own, or null.
 * @param {'udp'|'tcp'} transport
 */
export function turnServer(iceServers, transport) {
  const found = urlsOf(iceServers).find(({url}) => /^turn:/i.test(url) && transportOf(url) === transport);
  return found ? {urls: found.url, username: found.server.username, credential: found.server.credential} : null;
}

/** Every TURN entry (turn: and turns:), for a call through the relay. */
export function turnServers(iceServers) {
  return (iceServers ?? []).filter((server) => [server.urls].flat().some((url) => /^turns?:/i.test(url)));
}

/** The ICE servers without their secrets, for the report. */
export function withoutSecrets(iceServers) {
  return (iceServers ?? []).map(({urls, username}) => (username === undefined ? {urls} : {urls, username}));
}

/** The outcome of a step that needs the ICE servers when the signaling step got none. */
export function withoutIceServers(what) {
  return {status: 'failed', found: `${what} was not tried: the STUN and TURN servers and their credentials come ` +
      'in the signaling server\'s welcome, and the signaling step got none.', advice: 'Fix the signaling step first.',
  details: {}};
}
