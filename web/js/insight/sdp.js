/**
 * Session descriptions (RFC 8866 SDP as WebRTC uses it, RFC 8829 JSEP) split into the session part and
 * the media sections, each line typed and, where it matters to someone learning WebRTC, explained in one
 * short sentence. Lines we don't explain are kept with `explanation: null`, never dropped.
 * Pure: text in, plain objects out.
 */

import {candidateTypeMeaning, parseCandidate} from './candidate.js';

/**
 * @typedef {{text: string, type: string, value: string, explanation: string|null}} SdpLine
 *     type: the letter for plain lines ("v", "o", "m", ...), or "a=<name>" for attributes ("a=rtpmap");
 *     value: what follows "x=" (for attributes, what follows "name:")
 * @typedef {{kind: string, port: number, protocol: string, formats: string[], mid: string|null,
 *     direction: string|null, codecs: {payloadType: string, name: string, clockRate: number,
 *     channels: number|null, parameters: string|null, feedback: string[]}[], candidates: object[],
 *     lines: SdpLine[]}} SdpMedia
 */

/**
 * @param {string} text a whole description, as in RTCSessionDescription.sdp
 * @return {{session: {lines: SdpLine[], bundle: string[]}, media: SdpMedia[]}}
 */
export function parseSdp(text) {
  if (typeof text !== 'string') throw new TypeError('an SDP is a string');
  const rawLines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (rawLines.length === 0 || !rawLines[0].startsWith('v=')) {
    throw new SyntaxError('an SDP starts with "v=0" (RFC 8866 §5.1)');
  }
  const session = {lines: [], bundle: []};
  const media = [];
  let section = null;
  for (const raw of rawLines) {
    const line = readLine(raw);
    if (line.type === 'm') {
      section = newSection(line.value);
      media.push(section);
    }
    line.explanation = explain(line, section);
    (section ?? session).lines.push(line);
    if (section) {
      describeSection(section, line);
    } else if (line.type === 'a=group' && line.value.startsWith('BUNDLE')) {
      session.bundle = line.value.split(/\s+/).slice(1);
    }
  }
  return {session, media};
}

/**
 * Compares two descriptions of one connection (e.g. before and after a renegotiation or an ICE restart),
 * section by section: the session part, then media sections matched by mid (by position without one).
 * @param {string|ReturnType<typeof parseSdp>} a the earlier description
 * @param {string|ReturnType<typeof parseSdp>} b the later description
 * @return {{sections: {name: string, kind: string|null, status: 'same'|'changed'|'added'|'removed',
 *     added: SdpLine[], removed: SdpLine[], same: SdpLine[]}[]}}
 */
export function diffSdp(a, b) {
  const [before, after] = [a, b].map((sdp) => (typeof sdp === 'string' ? parseSdp(sdp) : sdp));
  const sections = [diffLines('session', null, before.session.lines, after.session.lines)];
  const keyOf = (section, index) => (section.mid !== null ? `mid ${section.mid}` : `section ${index}`);
  const earlier = new Map(before.media.map((section, index) => [keyOf(section, index), section]));
  const later = new Map(after.media.map((section, index) => [keyOf(section, index), section]));
  for (const [key, section] of earlier) {
    const next = later.get(key);
    sections.push(diffLines(key, (next ?? section).kind, section.lines, next?.lines ?? []));
  }
  for (const [key, section] of later) {
    if (!earlier.has(key)) sections.push(diffLines(key, section.kind, [], section.lines));
  }
  return {sections};
}

function diffLines(name, kind, before, after) {
  // Lines are compared as a multiset of texts: order within a section carries no meaning we explain.
  const remaining = countTexts(after);
  const same = [];
  const removed = [];
  for (const line of before) {
    if (remaining.get(line.text) > 0) {
      remaining.set(line.text, remaining.get(line.text) - 1);
      same.push(line);
    } else {
      removed.push(line);
    }
  }
  const unmatched = countTexts(same);
  const added = after.filter((line) => {
    if (unmatched.get(line.text) > 0) {
      unmatched.set(line.text, unmatched.get(line.text) - 1);
      return false;
    }
    return true;
  });
  let status = added.length || removed.length ? 'changed' : 'same';
  if (before.length === 0 && after.length > 0) status = 'added';
  if (after.length === 0 && before.length > 0) status = 'removed';
  return {name, kind, status, added, removed, same};
}

function countTexts(lines) {
  const counts = new Map();
  for (const {text} of lines) counts.set(text, (counts.get(text) ?? 0) + 1);
  return counts;
}

function readLine(raw) {
  const text = raw.trimEnd();
  const letter = /^([a-z])=/.exec(text);
  if (!letter) return {text, type: 'unknown', value: text, explanation: null};
  const rest = text.slice(2);
  if (letter[1] !== 'a') return {text, type: letter[1], value: rest, explanation: null};
  const colon = rest.indexOf(':');
  const name = colon < 0 ? rest : rest.slice(0, colon);
  return {text, type: `a=${name}`, value: colon < 0 ? '' : rest.slice(colon + 1), explanation: null};
}

function newSection(mLineValue) {
  const [kind, port, protocol, ...formats] = mLineValue.split(/\s+/);
  return {kind, port: Number(port), protocol, formats, mid: null, direction: null, codecs: [], candidates: [],
    lines: []};
}

const DIRECTIONS = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

function describeSection(section, line) {
  const codecOf = (payloadType) => {
    let codec = section.codecs.find((known) => known.payloadType === payloadType);
    if (!codec) {
      codec = {payloadType, name: null, clockRate: null, channels: null, parameters: null, feedback: []};
      section.codecs.push(codec);
    }
    return codec;
  };
  const [first, rest] = splitFirst(line.value);
  switch (line.type) {
    case 'a=mid':
      section.mid = line.value;
      break;
    case 'a=rtpmap': {
      const [name, clockRate, channels] = rest.split('/');
      Object.assign(codecOf(first), {name, clockRate: Number(clockRate), channels: channels ? Number(channels) : null});
      break;
    }
    case 'a=fmtp':
      codecOf(first).parameters = rest;
      break;
    case 'a=rtcp-fb':
      if (first !== '*') codecOf(first).feedback.push(rest);
      break;
    case 'a=candidate':
      try {
        section.candidates.push(parseCandidate(line.text));
      } catch {
        // Kept as a plain line; its explanation says it could not be read.
      }
      break;
    default:
      if (DIRECTIONS.includes(line.type.slice(2))) section.direction = line.type.slice(2);
  }
}

function splitFirst(value) {
  const space = value.indexOf(' ');
  return space < 0 ? [value, ''] : [value.slice(0, space), value.slice(space + 1)];
}

/** One sentence for the lines that matter, or null. `section` is null in the session part. */
function explain(line, section) {
  const [first, rest] = splitFirst(line.value);
  switch (line.type) {
    case 'v':
      return 'The SDP version, always 0 (RFC 8866 §5.1).';
    case 'o':
      return 'The origin: a session ID and a version number that goes up with every new offer or answer '
        + 'from this side (RFC 8866 §5.2, RFC 8829 §5.2.1).';
    case 's':
      return 'The session name; WebRTC leaves it as "-" (RFC 8829 §5.2.1).';
    case 't':
      return 'The session\'s timing; "0 0" means it is not bounded in time (RFC 8866 §5.9).';
    case 'c':
      return 'The connection address: in WebRTC only a default (often the placeholder 0.0.0.0), since the ICE '
        + 'candidates give the real addresses (RFC 8829 §5.2.1, RFC 8839 §4.2).';
    case 'm':
      return mLine(section);
    case 'b':
      return `A bandwidth limit: ${line.value} (kbit/s for AS, bit/s for TIAS) (RFC 8866 §5.8, RFC 3890).`;
    case 'a=ptime':
      return `Each audio packet carries ${line.value} ms of sound (RFC 8866 §6.4).`;
    case 'a=group':
      return first === 'BUNDLE'
        ? `BUNDLE: the media sections ${rest.split(/\s+/).join(', ')} share one transport, so one ICE `
          + 'connection and one DTLS handshake carry them all (RFC 9143).'
        : `A group of media sections with the semantics "${first}" (RFC 5888).`;
    case 'a=msid-semantic':
      return 'Says the msid lines below name WebRTC media streams and tracks (RFC 8830).';
    case 'a=extmap-allow-mixed':
      return 'Both one-byte and two-byte RTP header extensions may be used in one stream (RFC 8285 §6).';
    case 'a=mid':
      return `This section's media ID is "${line.value}"; BUNDLE and the RTP MID header extension refer to `
        + 'it (RFC 5888, RFC 8843).';
    case 'a=sendrecv':
      return 'Direction: this side both sends and receives this media (RFC 8866 §6.7).';
    case 'a=sendonly':
      return 'Direction: this side only sends this media (RFC 8866 §6.7).';
    case 'a=recvonly':
      return 'Direction: this side only receives this media (RFC 8866 §6.7).';
    case 'a=inactive':
      return 'Direction: no media flows in this section for now (RFC 8866 §6.7).';
    case 'a=rtpmap': {
      const [name, clockRate, channels] = rest.split('/');
      return `Payload type ${first} is the ${name} codec at ${clockRate} Hz`
        + `${channels ? `, ${channels} channels` : ''} (RFC 8866 §6.6).`;
    }
    case 'a=fmtp':
      return `Parameters for payload type ${first}${codecName(section, first)}: ${rest} (RFC 8866 §6.15).`;
    case 'a=rtcp-fb':
      return `Payload type ${first === '*' ? 'any' : first}${codecName(section, first)} uses the RTCP feedback `
        + `"${rest}"${feedbackMeaning(rest)} (RFC 4585).`;
    case 'a=rtcp-mux':
      return 'RTP and RTCP share one port instead of two (RFC 5761).';
    case 'a=rtcp-rsize':
      return 'Reduced-size RTCP packets may be sent (RFC 5506).';
    case 'a=rtcp':
      return 'The port RTCP would use without rtcp-mux; WebRTC always muxes, so this is a formality '
        + '(RFC 3605).';
    case 'a=extmap': {
      const [id, direction] = first.split('/');
      return `RTP header extension number ${id}${direction ? ` (${direction} only)` : ''} carries ${rest} (RFC 8285).`;
    }
    case 'a=ssrc':
      return `The RTP stream with SSRC ${first} has the property "${rest}" (RFC 5576).`;
    case 'a=ssrc-group':
      return `These SSRCs belong together as "${first}"`
        + `${first === 'FID' ? ' (the second one carries retransmissions of the first, RFC 4588)' : ''} `
        + '(RFC 5576).';
    case 'a=msid':
      return `The track sent here is track "${rest}"${first === '-' ? ', in no media stream'
        : ` of the media stream "${first}"`} (RFC 8830).`;
    case 'a=ice-ufrag':
      return 'The ICE username fragment: connectivity checks carry it, and a new one means an ICE restart '
        + '(RFC 8839 §5.4).';
    case 'a=ice-pwd':
      return 'The ICE password that protects the connectivity checks (RFC 8839 §5.4).';
    case 'a=ice-options':
      return line.value.split(/\s+/).includes('trickle')
        ? 'ice-options trickle: candidates are sent one by one as they are found, not all in the SDP '
          + '(RFC 8838).'
        : `ICE options: ${line.value} (RFC 8839 §5.6).`;
    case 'a=ice-lite':
      return 'This side is an ICE lite implementation: it only answers connectivity checks (RFC 8445 §2.5).';
    case 'a=fingerprint':
      return `The ${first} fingerprint of this side's DTLS certificate; the handshake fails unless the `
        + 'certificate matches it, which ties the media keys to the signaling (RFC 8122, RFC 8842).';
    case 'a=setup':
      return setupMeaning(line.value);
    case 'a=sctp-port':
      return `The data channels' SCTP association uses SCTP port ${line.value}, carried inside DTLS `
        + '(RFC 8841).';
    case 'a=max-message-size':
      return `The largest data channel message this side can receive: ${line.value} bytes (RFC 8841 §6).`;
    case 'a=candidate':
      return candidateMeaning(line.text);
    case 'a=end-of-candidates':
      return 'No more candidates will come for this section (RFC 8838 §8.2).';
    case 'a=rid':
      return `RTP stream ID "${first}" (${rest}), used for simulcast layers (RFC 8851).`;
    case 'a=simulcast':
      return `Simulcast: several encodings of one source, ${line.value} (RFC 8853).`;
    default:
      return null;
  }
}

function mLine(section) {
  const what = {audio: 'audio', video: 'video', application: 'a data channel (SCTP over DTLS)'}[section.kind]
    ?? `"${section.kind}" media`;
  const port = section.port === 0
    ? ' Port 0 means the section is rejected or stopped.'
    : '';
  const formats = section.kind === 'application'
    ? ''
    : `, with payload types ${section.formats.join(' ')} in order of preference`;
  return `A media section for ${what} over ${section.protocol}${formats} (RFC 8866 §5.14, RFC 8829).${port}`;
}

function codecName(section, payloadType) {
  const name = section?.codecs.find((codec) => codec.payloadType === payloadType)?.name;
  return name ? ` (${name})` : '';
}

function feedbackMeaning(feedback) {
  const meanings = {
    'nack': ': the receiver asks for lost packets again',
    'nack pli': ': the receiver asks for a new key frame when the picture breaks',
    'ccm fir': ': the receiver can ask for a full key frame',
    'goog-remb': ': the receiver estimates the bandwidth (REMB)',
    'transport-cc': ': the receiver reports arrival times so the sender can estimate the bandwidth',
  };
  return meanings[feedback] ?? '';
}

function setupMeaning(value) {
  const roles = {
    actpass: 'this side can be either DTLS client or server; the answer picks',
    active: 'this side will be the DTLS client and start the handshake',
    passive: 'this side will be the DTLS server and wait for the handshake',
  };
  return `setup:${value}: ${roles[value] ?? 'an unusual DTLS role'} (RFC 4145, RFC 8842 §5.2).`;
}

function candidateMeaning(text) {
  try {
    const candidate = parseCandidate(text);
    const where = candidate.mdns ? `${candidate.address} (an mDNS name hiding the real address)` : candidate.address;
    return `An ICE candidate: ${candidate.protocol.toUpperCase()} ${where} port ${candidate.port}, type `
      + `${candidate.type}. ${candidateTypeMeaning(candidate.type)}`;
  } catch (error) {
    return `A candidate line that could not be read: ${error.message}`;
  }
}
