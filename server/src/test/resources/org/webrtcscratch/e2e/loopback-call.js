// A call between two RTCPeerConnections in one page (audio, video and a data channel), answered without
// trickle so each description holds its candidates. Resolves to a JSON string: the offer, the answer, an
// ICE-restart offer made once connected, and three getStats() samples of the offerer about a second apart.
// The offerer creates its descriptions explicitly, the answerer implicitly, so a dump shows both ways.
// Used by InsightFixturesTest in Chromium (Playwright) and in Firefox (WebDriver BiDi) alike.
async () => {
  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: {width: 640, height: 480}});
  const offerer = new RTCPeerConnection();
  const answerer = new RTCPeerConnection();
  const gathered = (pc) => new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
  });
  const until = (condition) => new Promise((resolve) => {
    const poll = async () => ((await condition()) ? resolve() : setTimeout(poll, 50));
    poll();
  });
  for (const track of stream.getTracks()) offerer.addTrack(track, stream);
  const channel = offerer.createDataChannel('chat');
  answerer.addEventListener('datachannel', ({channel: received}) => {
    received.addEventListener('message', ({data}) => received.send(`echo ${data}`));
  });

  await offerer.setLocalDescription(await offerer.createOffer());
  await gathered(offerer);
  const offer = offerer.localDescription.sdp;
  await answerer.setRemoteDescription(offerer.localDescription);
  for (const track of stream.getTracks()) answerer.addTrack(track.clone(), stream);
  await answerer.setLocalDescription(); // implicit, as the app's perfect negotiation does
  await gathered(answerer);
  const answer = answerer.localDescription.sdp;
  await offerer.setRemoteDescription(answerer.localDescription);

  await until(() => offerer.connectionState === 'connected' && answerer.connectionState === 'connected'
      && channel.readyState === 'open');
  channel.send('hello');
  const decodedVideo = async () => [...(await answerer.getStats()).values()]
      .some((stats) => stats.type === 'inbound-rtp' && stats.kind === 'video' && stats.framesDecoded > 0);
  await until(decodedVideo);

  const samples = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    const report = {};
    for (const stats of (await offerer.getStats()).values()) report[stats.id] = stats;
    samples.push({at: Math.round(performance.now()), report});
  }
  const restartOffer = (await offerer.createOffer({iceRestart: true})).sdp;

  // Left open, so a chrome://webrtc-internals page watching them keeps their stats; the page's end closes them.
  window.loopbackCall = {offerer, answerer, stream};
  return JSON.stringify({userAgent: navigator.userAgent, offer, answer, restartOffer, samples});
}
