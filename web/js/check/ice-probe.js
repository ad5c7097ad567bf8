/**
 * Gathers ICE candidates from one RTCPeerConnection with the given configuration, and reports what
 * came out: candidate lines and candidate errors. No DOM, no WebSocket.
 */

/**
 * @param {RTCConfiguration} configuration
 * @param {AbortSignal} signal stops the gathering early; the result then has `complete: false`
 * @return {Promise<{candidates: string[], errors: {url: string, errorCode: number, errorText: string}[],
 *     complete: boolean}>}
 */
export async function gatherCandidates(configuration, signal) {
  const pc = new RTCPeerConnection(configuration);
  const candidates = [];
  const errors = [];
  try {
    pc.addEventListener('icecandidate', ({candidate}) => {
      if (candidate?.candidate) candidates.push(candidate.candidate);
    });
    pc.addEventListener('icecandidateerror', ({url, errorCode, errorText}) => errors.push({url, errorCode, errorText}));
    // Something to negotiate, or the offer asks for no transport and nothing is gathered.
    pc.createDataChannel('check');
    const complete = new Promise((resolve) => {
      const done = () => {
        if (pc.iceGatheringState === 'complete') resolve(true);
      };
      pc.addEventListener('icegatheringstatechange', done);
      signal.addEventListener('abort', () => resolve(false), {once: true});
    });
    await pc.setLocalDescription(await pc.createOffer());
    return {candidates, errors, complete: signal.aborted ? false : await complete};
  } finally {
    pc.close();
  }
}
