/**
 * ICE candidates read from their text form (RFC 8839 §5.1, the "candidate" attribute) and their
 * priority decoded (RFC 8445 §5.1.2). Pure: strings in, plain objects out.
 */

/** The candidate types RFC 8445 §5.1.1 defines, each in one sentence for someone learning ICE. */
const TYPE_MEANINGS = {
  host: 'A host candidate is an address of this device itself (a network interface); it works when both '
    + 'sides can reach each other directly, e.g. on the same network (RFC 8445 §5.1.1.1).',
  srflx: 'A server-reflexive candidate is the public address a NAT gave this device, as a STUN server saw it; '
    + 'it lets the other side reach us through the NAT (RFC 8445 §5.1.1.2).',
  prflx: 'A peer-reflexive candidate is an address learned from the other side\'s connectivity checks rather '
    + 'than from signaling, typically a NAT mapping no STUN server showed (RFC 8445 §7.2.5.3.1).',
  relay: 'A relay candidate is an address on a TURN server that forwards the media; it works through almost '
    + 'any firewall, at the cost of a detour through the server (RFC 8445 §5.1.1.2, RFC 8656).',
};

/**
 * One sentence saying what a candidate type means.
 * @param {string} type host, srflx, prflx or relay
 * @return {string}
 */
export function candidateTypeMeaning(type) {
  return TYPE_MEANINGS[type] ?? `"${type}" is not a candidate type RFC 8445 defines (host, srflx, prflx, relay).`;
}

/**
 * Splits an ICE priority into its three parts: priority = 2^24 × type preference + 2^8 × local preference
 * + (256 − component ID) (RFC 8445 §5.1.2.1).
 * @param {number|string} priority
 * @return {{typePreference: number, localPreference: number, component: number}}
 */
export function decodePriority(priority) {
  const value = Number(priority);
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`an ICE priority is an integer from 0 to 2^32 − 1, not ${priority}`);
  }
  return {
    typePreference: Math.floor(value / 2 ** 24),
    localPreference: Math.floor(value / 2 ** 8) % 2 ** 16,
    component: 256 - (value % 2 ** 8),
  };
}

/**
 * Reads one candidate line, with or without its "a=" prefix:
 * `candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
 * [raddr <address>] [rport <port>] [tcptype active|passive|so] *(<name> <value>)`.
 * Extension attributes the grammar doesn't name (generation, ufrag, network-id, ...) are kept in
 * `extensions` by name and, when their name doesn't clash, as properties too.
 * @param {string} line
 * @return {{foundation: string, component: number, protocol: string, priority: number, address: string,
 *     port: number, type: string, relatedAddress: string|null, relatedPort: number|null,
 *     tcpType: string|null, mdns: boolean, ipVersion: 4|6|null, extensions: Object<string, string>}}
 */
export function parseCandidate(line) {
  const text = String(line).trim().replace(/^a=/, '');
  if (!text.startsWith('candidate:')) {
    throw new SyntaxError(`a candidate line starts with "candidate:": ${shorten(text)}`);
  }
  const fields = text.slice('candidate:'.length).split(/\s+/);
  if (fields.length < 8 || fields[6] !== 'typ') {
    throw new SyntaxError('a candidate needs foundation, component, transport, priority, address, port, '
      + `"typ" and a type (RFC 8839 §5.1): ${shorten(text)}`);
  }
  const [foundation, componentText, transport, priorityText, address, portText, , type] = fields;
  const candidate = {
    foundation,
    component: integer(componentText, 'component', 1, 256),
    protocol: transport.toLowerCase(),
    priority: integer(priorityText, 'priority', 0, 0xffffffff),
    address,
    port: integer(portText, 'port', 0, 65535),
    type,
    relatedAddress: null,
    relatedPort: null,
    tcpType: null,
    mdns: address.toLowerCase().endsWith('.local'),
    ipVersion: ipVersion(address),
    extensions: {},
  };
  const rest = fields.slice(8);
  if (rest.length % 2 !== 0) {
    throw new SyntaxError(`the attributes after the type come in name/value pairs: ${shorten(text)}`);
  }
  for (let i = 0; i < rest.length; i += 2) {
    const [name, value] = [rest[i], rest[i + 1]];
    if (name === 'raddr') {
      candidate.relatedAddress = value;
    } else if (name === 'rport') {
      candidate.relatedPort = integer(value, 'rport', 0, 65535);
    } else if (name === 'tcptype') {
      candidate.tcpType = value;
    } else {
      candidate.extensions[name] = value;
      if (!(name in candidate)) candidate[name] = value;
    }
  }
  return candidate;
}

function integer(text, what, min, max) {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new SyntaxError(`the candidate's ${what} must be an integer from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

function ipVersion(address) {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return 4;
  if (address.includes(':')) return 6;
  return null;
}

function shorten(text) {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
