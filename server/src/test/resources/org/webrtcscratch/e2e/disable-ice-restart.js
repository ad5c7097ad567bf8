// Test init script: RTCPeerConnection.restartIce() does nothing, so the page cannot recover a failed
// connection by an ICE restart. Add it before record-ice.js, which calls through to this.
RTCPeerConnection.prototype.restartIce = function restartIceDisabledForTest() {};
