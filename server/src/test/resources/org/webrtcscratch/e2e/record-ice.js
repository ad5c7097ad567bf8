// Test init script: what every RTCPeerConnection of the page went through, recorded apart from the app's
// own bookkeeping. Each connectionState and iceConnectionState change, each restartIce() call and each
// signaling state change (with the ICE username fragments of the local and remote descriptions then),
// stamped with milliseconds since the page started. window.__iceLog() returns the entries.
(() => {
  const log = [];
  let made = 0;
  const ufrag = (description) => /^a=ice-ufrag:(\S+)/m.exec(description?.sdp ?? '')?.[1] ?? '-';

  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class RecordedPeerConnection extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      this.pcNumber = ++made;
      this.addEventListener('connectionstatechange', () => this.note(`connection ${this.connectionState}`));
      this.addEventListener('iceconnectionstatechange', () => this.note(`ice ${this.iceConnectionState}`));
      this.addEventListener('signalingstatechange', () => this.note(`signaling ${this.signalingState}`
          + ` local ${ufrag(this.localDescription)} remote ${ufrag(this.remoteDescription)}`));
    }

    restartIce() {
      this.note('restartIce()');
      super.restartIce();
    }

    note(event) {
      log.push({t: Math.round(performance.now()), pc: this.pcNumber, event});
    }
  };

  window.__iceLog = () => log;
})();
