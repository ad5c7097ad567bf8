/**
 * This side's ICE candidates for one peer, as a trace knows them, for both the story and the ICE section.
 * No single source has them all: the connection's `icecandidate` events are heard only once the recorder
 * watches it (the page may start gathering earlier), the `signal` frames sent to the peer carry each
 * trickled candidate, and a local description holds the candidates gathered before it was taken (all of
 * them without trickle). Pure: trace events in, plain objects out.
 */
import {parseCandidate} from './candidate.js';
import {tryParse} from './story-line.js';

/**
 * @param {object[]} events the trace's events (all of them: sent frames carry no peerId, only `to`)
 * @param {string} peerId the peer whose connection the candidates belong to
 * @return {{text: string, candidate: object, at: number, url: string|null,
 *     sources: ('event'|'signal'|'description')[]}[]} one per transport address and type, first heard first
 */
export function localCandidates(events, peerId) {
  const found = new Map();
  const keep = (text, at, source, url = null) => {
    const candidate = readCandidate(text);
    if (!candidate) return;
    const key = `${candidate.component} ${candidate.protocol} ${candidate.address} ${candidate.port} ${candidate.type}`;
    const known = found.get(key);
    if (!known) {
      found.set(key, {text: String(text).trim().replace(/^a=/, ''), candidate, at, url, sources: [source]});
      return;
    }
    known.url ??= url;
    if (!known.sources.includes(source)) known.sources.push(source);
  };
  for (const event of events) {
    if (event.kind === 'candidate' && event.side === 'local' && event.peerId === peerId) {
      keep(event.candidate, event.at, 'event', event.url ?? null);
    } else if (event.kind === 'signaling-frame' && event.direction === 'out' && event.message?.to === peerId) {
      const text = event.message.payload?.candidate?.candidate;
      if (text) keep(text, event.at, 'signal');
    } else if (event.kind === 'description' && event.side === 'local' && event.peerId === peerId) {
      for (const section of tryParse(event.sdp)?.media ?? []) {
        for (const l of section.lines.filter((l) => l.type === 'a=candidate')) keep(l.text, event.at, 'description');
      }
    }
  }
  return [...found.values()];
}

function readCandidate(text) {
  try {
    return parseCandidate(text);
  } catch {
    return null;
  }
}
