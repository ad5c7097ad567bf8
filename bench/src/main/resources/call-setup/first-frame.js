// Injected before any page script, the same way into the app and the reference page: it records every
// RTCPeerConnection and the wall-clock time (ms since the epoch) at which each first decoded a video frame,
// polling getStats every 5 ms, so both pages are measured by the very same code.
(() => {
  const Native = window.RTCPeerConnection;
  const bench = {connections: [], firstFrameAt: [], pageStart: performance.timeOrigin};
  window.__benchFirstFrame = bench;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      bench.connections.push(this);
      bench.firstFrameAt.push(0);
    }
  };
  const poll = async () => {
    for (let i = 0; i < bench.connections.length; i++) {
      const pc = bench.connections[i];
      if (bench.firstFrameAt[i] || pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded > 0 && !bench.firstFrameAt[i]) {
          bench.firstFrameAt[i] = performance.timeOrigin + performance.now();
        }
      });
    }
    setTimeout(poll, 5);
  };
  poll();
})();
