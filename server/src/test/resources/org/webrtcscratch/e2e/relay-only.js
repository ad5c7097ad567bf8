// Test init script: every peer connection gathers relay candidates only (iceTransportPolicy 'relay'), so
// media and data must cross the TURN server, with the ICE servers and credentials the page was given.
// If window.__turnTransport ('udp', 'tcp' or 'tls') is set by an earlier init script, only the TURN URLs of that
// transport are kept (a URL without ?transport= is UDP; 'tls' keeps the turns: URLs), in the constructor and in
// setConfiguration (the app applies refreshed TURN credentials with it).
(() => {
  const NativePeerConnection = window.RTCPeerConnection;
  const transportOf = (url) => /^turns:/i.test(url) ? 'tls' : /[?&]transport=tcp\b/i.test(url) ? 'tcp' : 'udp';
  const keepTransport = (servers, transport) => servers
      .map((server) => ({...server, urls: [server.urls].flat()
          .filter((url) => /^turns?:/i.test(url) && transportOf(url) === transport)}))
      .filter((server) => server.urls.length > 0);
  const relayOnly = (configuration) => {
    const transport = window.__turnTransport;
    const iceServers = transport ? keepTransport(configuration.iceServers ?? [], transport) :
      configuration.iceServers;
    return {...configuration, iceServers, iceTransportPolicy: 'relay'};
  };
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(configuration = {}, ...rest) {
      super(relayOnly(configuration), ...rest);
    }

    setConfiguration(configuration = {}) {
      super.setConfiguration(relayOnly(configuration));
    }
  };
})();
