// Test init script: counts the WebRTC objects a page makes, independently of the app's own bookkeeping.
// Wraps RTCPeerConnection (and the data channels and remote tracks it hands out), getUserMedia's tracks
// and WebSocket; window.__webrtcCounts() tells how many are still alive and how many were ever made.
(() => {
  const made = {peerConnections: [], dataChannels: [], localTracks: [], remoteTracks: [], webSockets: []};

  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class CountedPeerConnection extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      made.peerConnections.push(this);
      this.addEventListener('track', ({track}) => made.remoteTracks.push(track));
      this.addEventListener('datachannel', ({channel}) => made.dataChannels.push(channel));
    }

    createDataChannel(...args) {
      const channel = super.createDataChannel(...args);
      made.dataChannels.push(channel);
      return channel;
    }
  };

  if (navigator.mediaDevices) {
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      made.localTracks.push(...stream.getTracks());
      return stream;
    };
  }

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class CountedWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      made.webSockets.push(this);
    }
  };

  window.__webrtcCounts = () => ({
    live: {
      peerConnections: made.peerConnections.filter((pc) => pc.signalingState !== 'closed').length,
      dataChannels: made.dataChannels.filter((c) => c.readyState !== 'closed').length,
      localTracks: made.localTracks.filter((t) => t.readyState === 'live').length,
      remoteTracks: made.remoteTracks.filter((t) => t.readyState === 'live').length,
      webSockets: made.webSockets.filter((ws) => ws.readyState !== NativeWebSocket.CLOSED).length,
    },
    made: Object.fromEntries(Object.entries(made).map(([kind, list]) => [kind, list.length])),
  });
})();
