// Injected before any page script, the same way into the app and the reference page: it records every
// RTCPeerConnection and the wall-clock time (ms since the epoch) at which each first decoded a video frame,
// polling getStats every 5 ms, so both pages are measured by the very same code. It also marks the first
// time each step of a call happens (ms since page start), for a breakdown of where setup time goes.
(() => {
  const Native = window.RTCPeerConnection;
  const bench = {connections: [], firstFrameAt: [], pageStart: performance.timeOrigin, marks: {}};
  window.__benchFirstFrame = bench;
  const mark = (name) => {
    if (!(name in bench.marks)) bench.marks[name] = performance.now();
  };
  document.addEventListener('DOMContentLoaded', () => {
    mark('DOMContentLoaded');
    // When the page's first and last bytes came (navigation timing, ms since page start as the marks).
    const [navigation] = performance.getEntriesByType('navigation');
    if (navigation) {
      bench.marks['page response started'] = navigation.responseStart;
      bench.marks['page response ended'] = navigation.responseEnd;
    }
  });
  const media = navigator.mediaDevices;
  const nativeGetUserMedia = media.getUserMedia.bind(media);
  media.getUserMedia = async (constraints) => {
    mark('getUserMedia called');
    const stream = await nativeGetUserMedia(constraints);
    mark('getUserMedia resolved');
    return stream;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      mark('WebSocket created');
      this.addEventListener('open', () => mark('WebSocket open'));
      this.addEventListener('message', ({data}) => {
        try {
          mark('received ' + JSON.parse(data).type);
        } catch {
          // not JSON: nothing to mark
        }
      });
    }
    send(data) {
      try {
        const message = JSON.parse(data);
        const what = message.payload?.description?.type ?? (message.payload?.candidate ? 'candidate' : '');
        mark('sent ' + message.type + (what ? ' ' + what : ''));
      } catch {
        // not JSON: nothing to mark
      }
      super.send(data);
    }
  };
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      mark('RTCPeerConnection created');
      bench.connections.push(this);
      bench.firstFrameAt.push(0);
      this.addEventListener('connectionstatechange', () => mark('connection ' + this.connectionState));
      this.addEventListener('track', () => mark('track'));
    }
    async setLocalDescription(...args) {
      mark('setLocalDescription');
      return super.setLocalDescription(...args);
    }
    async setRemoteDescription(...args) {
      mark('setRemoteDescription');
      return super.setRemoteDescription(...args);
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
          mark('first frame decoded');
        }
      });
    }
    setTimeout(poll, 5);
  };
  poll();
})();
