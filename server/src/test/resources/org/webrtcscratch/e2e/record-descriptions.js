// Test init script: every session description the page's RTCPeerConnections applied, recorded apart from
// the app and its Behind the Scenes recorder: a local one as the connection holds it when
// setLocalDescription resolves (before any candidate is added to it), a remote one as it was given.
// window.__descriptions holds [{side, type, sdp}] in order.
(() => {
  window.__descriptions = [];
  const proto = RTCPeerConnection.prototype;
  const setLocal = proto.setLocalDescription;
  const setRemote = proto.setRemoteDescription;
  proto.setLocalDescription = async function (...args) {
    await setLocal.apply(this, args);
    const {type, sdp} = this.localDescription;
    window.__descriptions.push({side: 'local', type, sdp});
  };
  proto.setRemoteDescription = async function (description, ...rest) {
    await setRemote.call(this, description, ...rest);
    window.__descriptions.push({side: 'remote', type: description.type, sdp: description.sdp});
  };
})();
