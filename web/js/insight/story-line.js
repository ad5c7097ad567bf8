/** What every part of the story shares: the shape of a line and a few readers of the trace. */

import {parseSdp} from './sdp.js';

export const CHECK_PAGE = 'the troubleshooter at /check tests it';

/**
 * @return {{at: number, duration: number|null, title: string, detail: string, section: string,
 *     status: 'ok'|'warning'|'failed', peerId: string|null}}
 */
export function line(at, title, detail, section, {duration = null, status = 'ok', peerId = null} = {}) {
  return {at, duration: duration === null ? null : Math.max(0, Math.round(duration)), title, detail, section,
    status, peerId};
}

/** The `state` events of one kind (`which`), in time order. */
export function stateEvents(events, which) {
  return events.filter((event) => event.kind === 'state' && event.which === which);
}

/** The parsed SDP, or null for text that isn't one. */
export function tryParse(sdp) {
  try {
    return parseSdp(sdp);
  } catch {
    return null;
  }
}
