/**
 * getStats() reports reduced to plain objects.
 */

/**
 * What one peer connection receives and sends right now.
 * @param {RTCPeerConnection} pc
 * @return {Promise<{framesDecoded: number, inboundVideoStreams: number, bytesReceived: number,
 *     bytesSent: number, candidatePair: {local: string, remote: string}|null}>}
 */
export async function summarize(pc) {
  const report = await pc.getStats();
  const summary = {framesDecoded: 0, inboundVideoStreams: 0, bytesReceived: 0, bytesSent: 0, candidatePair: null};
  for (const stats of report.values()) {
    if (stats.type === 'inbound-rtp' && stats.kind === 'video') {
      summary.inboundVideoStreams++;
      summary.framesDecoded += stats.framesDecoded ?? 0;
    } else if (stats.type === 'transport') {
      summary.bytesReceived += stats.bytesReceived ?? 0;
      summary.bytesSent += stats.bytesSent ?? 0;
      const pair = report.get(stats.selectedCandidatePairId);
      if (pair) {
        summary.candidatePair = {
          local: report.get(pair.localCandidateId)?.candidateType ?? 'unknown',
          remote: report.get(pair.remoteCandidateId)?.candidateType ?? 'unknown',
        };
      }
    }
  }
  return summary;
}
