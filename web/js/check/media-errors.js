/**
 * Why getUserMedia refused a camera or microphone, told apart by the error's name (W3C Media Capture
 * §9.2 and what browsers throw in practice), with what to do about each. Pure.
 */
import {failed} from './report.js';

/**
 * @param {'camera'|'microphone'} device
 * @param {{name: string, message?: string}|null} error what getUserMedia threw; null when the page has no
 *     getUserMedia at all (not a secure context)
 * @return {object} a failed outcome; details.reason is 'insecure', 'denied', 'missing', 'busy' or 'other'
 */
export function mediaFailure(device, error) {
  const reason = reasonOf(error);
  const details = {reason, error: error ? {name: error.name, message: error.message ?? ''} : null};
  switch (reason) {
    case 'insecure':
      return failed(`The browser offers no ${device} to this page: it is not a secure context (https or localhost).`,
          'Open the https:// address. For the person running the server: start it with --tls self-signed (or ' +
          '--tls-cert and --tls-key).', details);
    case 'denied':
      return failed(`Permission to use the ${device} was denied (${error.name}): you, or the browser's settings, ` +
          'blocked it for this site.', `Click the ${device} or lock icon in the address bar, allow the ${device} for ` +
          'this site and run the check again. On macOS the browser also needs the permission in System Settings, ' +
          `Privacy & Security, ${device === 'camera' ? 'Camera' : 'Microphone'}.`, details);
    case 'missing':
      return failed(`No ${device} was found (${error.name}).`, `Connect a ${device}, or switch it on (some laptops ` +
          'have a key or a shutter for it), then run the check again.', details);
    case 'busy':
      return failed(`The ${device} is there but could not be started (${error.name}): another application or tab ` +
          'is probably using it.', `Close the other programs or tabs that use the ${device} (video calls, ` +
          'recorders), then run the check again.', details);
    default:
      return failed(`The ${device} could not be started: ${error.name}${error.message ? ` (${error.message})` : ''}.`,
          'Run the check again; if it keeps failing, copy this result into a support request.', details);
  }
}

function reasonOf(error) {
  if (!error) return 'insecure';
  switch (error.name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'busy';
    default:
      return 'other';
  }
}
