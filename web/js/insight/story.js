/**
 * A trace told as the steps of a call, one line each, in plain words for someone learning WebRTC:
 * what happened, when, how long it took, and what it means, with the fix when something failed.
 * Everything comes from the trace's events and stats; nothing is assumed. Pure: a trace in, lines out.
 */

import {localCandidates} from './local-candidates.js';
import {checkLines, gatheringLines} from './story-ice.js';
import {CHECK_PAGE, line, stateEvents, tryParse} from './story-line.js';
import {NOT_REPORTED, dtlsTransport} from './stats-series.js';

/**
 * @typedef {{at: number, duration: number|null, title: string, detail: string,
 *     section: 'signaling'|'sdp'|'ice'|'states'|'charts'|'server', status: 'ok'|'warning'|'failed',
 *     peerId: string|null}} StoryLine
 */

/**
 * @param {{events: object[], peers: object[], stats: Object<string, object[]>, call?: object}} trace
 * @return {StoryLine[]} in time order
 */
export function tellStory(trace) {
  const events = trace.events ?? [];
  const context = {
    trace,
    events,
    iceServers: welcomeIceServers(events),
    name: (peerId) => trace.peers?.find((peer) => peer.peerId === peerId)?.name || peerId || 'the other side',
  };
  const lines = [
    ...mediaLines(events),
    ...signalingLines(context),
    ...(trace.peers ?? []).flatMap((peer) => peerLines(context, peer)),
    ...serverLines(events),
  ];
  return lines.sort((a, b) => a.at - b.at);
}

function mediaLines(events) {
  return events.filter((event) => event.kind === 'media').map((event) => {
    const tracks = event.tracks ?? [];
    if (event.error && tracks.length === 0) {
      return line(event.at, 'Camera and microphone not available', `The browser refused them: ${event.error}. `
        + 'Allow the camera and microphone in the site\'s permissions and reload; without them the call still '
        + 'receives the others\' media.', 'charts', {status: 'failed'});
    }
    const video = tracks.find((track) => track.kind === 'video');
    const devices = (event.devices ?? tracks).map((device) => device.label || device.kind).join(' and ');
    const size = video?.width ? ` Video is ${video.width}×${video.height}`
      + `${video.frameRate ? ` at ${Math.round(video.frameRate)} frames per second` : ''}.` : '';
    const title = event.error ? 'Camera or microphone only partly granted' : 'Camera and microphone granted';
    return line(event.at, title, `getUserMedia gave the page ${devices || 'no device'}.${size} These tracks are `
      + 'what this side sends; the browser asks for permission once per site (W3C Media Capture and Streams).'
      + `${event.error ? ` Missing: ${event.error}.` : ''}`, 'charts', {status: event.error ? 'warning' : 'ok'});
  });
}

function signalingLines({events, name, trace}) {
  const lines = [];
  let connecting = null;
  let join = null;
  for (const event of events) {
    if (event.kind === 'signaling-state') {
      if (event.state === 'connecting' && connecting === null) connecting = event.at;
      if (event.state === 'open') {
        lines.push(line(event.at, 'Signaling connected', 'The page opened a WebSocket to our server. Before two '
          + 'browsers can talk directly they must swap offers, answers and candidates through some channel of '
          + 'the application\'s choosing; this is ours (RFC 8829 §1).', 'signaling',
        {duration: connecting === null ? null : event.at - connecting}));
        connecting = null;
      } else if (event.state === 'reconnecting') {
        lines.push(line(event.at, 'Signaling connection lost, reconnecting', 'The WebSocket to the server '
          + 'dropped. The page reconnects with growing pauses and rejoins with its resume token, so it keeps its '
          + 'place in the room; calls already connected carry on meanwhile, since media does not go through '
          + 'signaling.', 'signaling', {status: 'warning'}));
        connecting = event.at;
      }
    }
    if (event.kind !== 'signaling-frame') continue;
    const message = event.message ?? {};
    if (event.direction === 'out' && event.type === 'join') join = event.at;
    if (event.direction !== 'in') continue;
    if (event.type === 'welcome') {
      const others = (message.peers ?? []).map((peer) => peer.name || peer.peerId);
      const room = message.room ?? trace.call?.room ?? '';
      lines.push(line(event.at, `Joined the room${room ? ` ${room}` : ''}`, `The server welcomed us as `
        + `${message.peerId ?? 'a new peer'}; ${others.length ? `already here: ${others.join(', ')}, so they will `
          + 'send us their offers' : 'nobody else is here yet'}. It also handed out the ICE servers: `
        + `${describeServers(message.iceServers)}.`, 'signaling', {duration: join === null ? null : event.at - join}));
      join = null;
    } else if (event.type === 'peer-joined' && message.peer) {
      lines.push(line(event.at, `${message.peer.name || message.peer.peerId} joined the room`, 'The server told '
        + 'everyone in the room. We were here first, so we make the first offer to the newcomer: our camera and '
        + 'connection are ready, and the newcomer finds an offer waiting.', 'signaling',
      {peerId: message.peer.peerId}));
    } else if (event.type === 'peer-left') {
      lines.push(line(event.at, `${name(message.peerId)} left the room`, `The server says why: `
        + `${message.reason ?? 'no reason given'}. The connection to them is closed.`, 'signaling',
      {peerId: message.peerId ?? null}));
    }
  }
  return lines;
}

function describeServers(iceServers) {
  const urls = (iceServers ?? []).flatMap((server) => [].concat(server.urls ?? server.url ?? []));
  if (urls.length === 0) return 'none, so only direct (host) candidates are possible';
  return `${urls.join(', ')} (a TURN password is never kept in this record)`;
}

function welcomeIceServers(events) {
  const welcome = events.find((event) => event.kind === 'signaling-frame' && event.type === 'welcome');
  return welcome?.message?.iceServers ?? null;
}

function peerLines(context, peer) {
  const events = context.events.filter((event) => event.peerId === peer.peerId);
  const who = context.name(peer.peerId);
  const iceServers = peer.iceServers ?? context.iceServers;
  const samples = context.trace.stats?.[peer.peerId] ?? [];
  const on = (options = {}) => ({peerId: peer.peerId, ...options});
  const local = localCandidates(context.events, peer.peerId);
  return [
    ...negotiationLines(context, peer, events, who, on),
    ...gatheringLines(events, local, iceServers, who, on),
    ...checkLines(events, local, samples, iceServers, who, on),
    ...dtlsLines(events, samples, who, on),
    ...mediaFlowLines(events, samples, who, on),
    ...channelLines(events, who, on),
  ];
}

function negotiationLines(context, peer, events, who, on) {
  const lines = [];
  const descriptions = events.filter((event) => event.kind === 'description');
  const firstOffer = descriptions.find((event) => event.type === 'offer');
  if (firstOffer) {
    const ours = firstOffer.side === 'local';
    const role = peer.polite === true ? 'polite' : peer.polite === false ? 'impolite' : null;
    lines.push(line(firstOffer.at, ours ? `We make the offer to ${who}` : `${who} makes the offer`,
      `${context.trace.source === 'webrtc-internals' ? 'The offer starts the negotiation (RFC 8829 §5.2).'
        : 'The first offer comes from the one who was in the room first, so the newcomer finds it waiting.'} After `
      + 'that either side may offer, and "perfect negotiation" settles two offers that cross'
      + `${role ? `: this side is the ${role} one, so it ${role === 'polite' ? 'gives way and takes the other\'s offer'
        : 'ignores the other\'s offer and keeps its own'}` : ''} (W3C WebRTC §10, RFC 8829 §4.1.8).`,
      'signaling', on()));
  }
  const lastUfrag = {local: null, remote: null}; // each side's own, since a restart changes the offerer's
  let lastLocalOffer = null;
  for (const event of descriptions) {
    const parsed = tryParse(event.sdp);
    const ufrag = parsed?.media.flatMap((section) => section.lines).find((l) => l.type === 'a=ice-ufrag')?.value
      ?? parsed?.session.lines.find((l) => l.type === 'a=ice-ufrag')?.value ?? null;
    const before = lastUfrag[event.side];
    const restart = event.type === 'offer' && before !== null && ufrag !== null && ufrag !== before;
    if (ufrag) lastUfrag[event.side] = ufrag;
    const local = event.side === 'local';
    const what = summarizeSections(parsed);
    const relay = relayTime(context.events, event, peer.peerId);
    if (event.type === 'offer') {
      const kind = restart ? 'ICE restart offer' : event === firstOffer ? 'Offer' : 'New offer (renegotiation)';
      const frame = local ? sentFrame(context.events, event, peer.peerId) : null;
      const sent = frame ? ` and sent through the server (${frame.size} bytes)` : '';
      lines.push(line(event.at, local ? `${kind} created${sent}`
        : `${kind} received from ${who}`,
      `${local ? 'This side' : who} described what it wants to send and receive: ${what}. The description also `
        + 'carries the ICE credentials and the DTLS certificate fingerprint that the rest of the setup relies on '
        + `(RFC 8829 §5.2, RFC 8866).${restart ? ' Its ICE username and password are new: an ICE restart '
          + 'gathers candidates and checks pairs again, e.g. after the network changed (RFC 8445 §9).' : ''}${relay}`,
      'sdp', on({duration: frame ? frame.at - event.at : null})));
      if (local) lastLocalOffer = event;
    } else if (event.type === 'answer') {
      const frame = local ? sentFrame(context.events, event, peer.peerId) : null;
      lines.push(line(event.at, local ? `Answer created for ${who}${frame ? ' and sent through the server' : ''}`
        : `Answer received from ${who}`,
        `${local ? 'This side' : who} accepted ${what}, choosing the codecs both sides support. With the offer and `
        + `the answer both applied, each side knows how to reach and verify the other (RFC 8829 §5.3).${relay}`,
        'sdp', on({duration: !local && lastLocalOffer ? event.at - lastLocalOffer.at : null})));
    }
  }
  for (const event of events.filter((e) => e.kind === 'negotiation')) {
    if (event.step === 'rollback') {
      lines.push(line(event.at, `Offers crossed: we took ${who}'s`, 'Both sides offered at once. This side is '
        + 'the polite one, so it rolled its own offer back and answers the other\'s; nothing is lost, its changes '
        + 'go in the next offer (W3C WebRTC §10, perfect negotiation).', 'signaling', on()));
    } else if (event.step === 'offer-ignored') {
      lines.push(line(event.at, `Offers crossed: ${who}'s ignored`, 'Both sides offered at once. This side is '
        + 'the impolite one, so it ignored the incoming offer and waits for the answer to its own (W3C WebRTC §10, '
        + 'perfect negotiation).', 'signaling', on()));
    }
  }
  return lines;
}

function summarizeSections(parsed) {
  if (!parsed || parsed.media.length === 0) return 'no media sections';
  return parsed.media.map((section) => {
    if (section.kind === 'application') return 'a data channel';
    const codecs = [...new Set(section.codecs.map((codec) => codec.name)
      .filter((name) => name && !['rtx', 'red', 'ulpfec', 'flexfec-03', 'CN', 'telephone-event'].includes(name)))];
    return `${section.kind}${codecs.length ? ` (${codecs.slice(0, 3).join(', ')})` : ''}`;
  }).join(', ');
}

/**
 * " Our server passed it on in … ms." when the server's side shows the description relayed (sent after a
 * local one, received before a remote one), else "".
 */
function relayTime(events, description, peerId) {
  const local = description.side === 'local';
  const relayed = events.filter((event) => event.kind === 'server' && event.event?.kind === 'relayed'
    && event.event.signal === description.type && (local ? event.event.to === peerId : event.event.from === peerId)
    && (local ? event.at >= description.at : event.at <= description.at));
  const found = local ? relayed[0] : relayed[relayed.length - 1];
  const {receivedAt, sentAt} = found?.event ?? {};
  if (!Number.isFinite(receivedAt) || !Number.isFinite(sentAt)) return '';
  return ` Our server passed it on ${sentAt - receivedAt < 1 ? 'in under a millisecond'
    : `in ${Math.round(sentAt - receivedAt)} ms`} (the server's side shows it).`;
}

function sentFrame(events, description, peerId) {
  return events.find((event) => event.kind === 'signaling-frame' && event.direction === 'out'
    && event.at >= description.at && event.message?.to === peerId
    && event.message?.payload?.description?.type === description.type) ?? null;
}

function dtlsLines(events, samples, who, on) {
  const dtls = stateEvents(events, 'dtlsState');
  const connected = dtlsConnected(events);
  const iceConnected = stateEvents(events, 'iceConnectionState')
    .find((event) => ['connected', 'completed'].includes(event.value));
  const lines = [];
  if (connected) {
    const transports = samples.map((sample) => dtlsTransport(sample.report)).filter(Boolean);
    const transport = transports.find((found) => found.dtlsState === 'connected') ?? transports.at(-1);
    const how = transport ? ` It used ${transport.version ?? `DTLS (version ${NOT_REPORTED})`}`
      + `${transport.cipher ? ` with ${transport.cipher}` : ` (cipher ${NOT_REPORTED})`}`
      + `${transport.role ? `, and this side was the DTLS ${transport.role}` : `; this side's DTLS role: ${NOT_REPORTED}`}`
      + `${transport.srtpCipher ? `; media is encrypted with ${transport.srtpCipher}` : ''}.`
      : samples.length ? ` The DTLS version, cipher and roles: ${NOT_REPORTED} (no transport in its getStats()).` : '';
    lines.push(line(connected.at, 'DTLS handshake done', `Over the ICE path, the two sides ran a DTLS handshake, `
      + `checked each other's certificate against the fingerprint in the SDP, and derived the keys that encrypt `
      + `media (SRTP) and data channels (RFC 5764, RFC 8842).${how}`, 'states',
    on({duration: iceConnected && iceConnected.at <= connected.at ? connected.at - iceConnected.at : null})));
  }
  const failed = dtls.find((event) => event.value === 'failed');
  if (failed) {
    lines.push(line(failed.at, 'DTLS handshake failed', `The encrypted session with ${who} could not be set up: `
      + 'usually the certificate did not match the fingerprint in the SDP, or the packets of the handshake were '
      + 'lost (RFC 8842). Leaving and joining again starts afresh.', 'states', on({status: 'failed'})));
  }
  return lines;
}

/** When DTLS was up: its own state, or the connection's, which is connected only once DTLS is. */
function dtlsConnected(events) {
  return [...stateEvents(events, 'dtlsState'), ...stateEvents(events, 'connectionState')]
    .filter((event) => event.value === 'connected').sort((a, b) => a.at - b.at)[0] ?? null;
}

function mediaFlowLines(events, samples, who, on) {
  const frames = events.filter((event) => event.kind === 'first-frame');
  const found = frames.length ? frames : firstFramesFromStats(samples);
  const tracks = events.filter((event) => event.kind === 'track');
  return found.map((event) => {
    const kind = event.trackKind ?? 'media';
    const track = tracks.find((t) => t.trackKind === kind && t.at <= event.at);
    return line(event.at, `First ${kind === 'video' ? 'video frame' : `${kind} samples`} decoded from ${who}`,
      'RTP packets came in over the encrypted path, were put back in order by the jitter buffer, and the decoder '
      + `produced the first ${kind === 'video' ? 'picture' : 'sound'} (RFC 3550, RFC 3711). The charts show the `
      + 'rates from here on.', 'charts', on({duration: track ? event.at - track.at : null}));
  });
}

function firstFramesFromStats(samples) {
  const found = [];
  for (const sample of samples) {
    for (const stats of Object.values(sample.report ?? {})) {
      if (stats.type !== 'inbound-rtp' || found.some((f) => f.trackKind === stats.kind)) continue;
      const decoded = stats.kind === 'video' ? stats.framesDecoded : stats.totalSamplesReceived;
      if (decoded > 0) found.push({at: sample.at, trackKind: stats.kind});
    }
  }
  return found;
}

function channelLines(events, who, on) {
  const dtls = dtlsConnected(events);
  return stateEvents(events, 'dataChannel').filter((event) => ['open', 'closed'].includes(event.value))
    .map((event) => (event.value === 'open'
      ? line(event.at, `Data channel "${event.label ?? ''}" open`, `A channel for messages (the chat) to ${who}: `
        + 'SCTP runs inside the DTLS session, on the same path as the media, and the channel was opened with a '
        + 'short DCEP handshake (RFC 8831, RFC 8832, RFC 8841).', 'states',
      on({duration: dtls && dtls.at <= event.at ? event.at - dtls.at : null}))
      : line(event.at, `Data channel "${event.label ?? ''}" closed`, `No more messages go to ${who} on this `
        + 'channel; it closes with the connection (RFC 8831).', 'states', on())));
}

function serverLines(events) {
  const lines = [];
  for (const {at, event} of events.filter((e) => e.kind === 'server' && e.event)) {
    if (event.kind !== 'turn-allocation') continue;
    const relayed = event.relayedAddress ? ` ${event.relayedAddress}` : '';
    const over = event.transport ? ` over ${event.transport.toUpperCase()}` : '';
    if (event.action === 'allocated') {
      lines.push(line(at, `Our TURN server allocated a relay address${relayed}`, `This side asked our TURN server`
        + `${over} for an address of its own on the server; packets sent there are passed on to this side, and `
        + 'the other way round, once a permission for the peer is installed (RFC 8656 §7).', 'server'));
    } else if (event.action === 'refused') {
      lines.push(line(at, `Our TURN server refused a ${event.method ?? 'request'} (${event.code ?? 'error'})`,
        `It said: ${event.reason ?? 'no reason given'}. Without an allocation there is no relay candidate; `
        + `${CHECK_PAGE} (RFC 8656).`, 'server', {status: 'warning'}));
    } else if (event.action === 'deleted' || event.action === 'expired') {
      lines.push(line(at, `The TURN allocation${relayed} ended`, `It was ${event.action === 'expired' ? 'not '
        + 'refreshed in time and expired' : `deleted (${event.cause ?? 'no cause given'})`}; the server frees its `
        + 'relay address (RFC 8656 §7.3).', 'server'));
    }
  }
  return lines;
}
