import {diffSdp, parseSdp} from '../js/insight/sdp.js';
import {fixtureText} from './insight-fixtures.js';
import {assert, test} from './runner.js';

const lineOf = (lines, type) => lines.find((line) => line.type === type);
const allLines = (parsed) => [...parsed.session.lines, ...parsed.media.flatMap((section) => section.lines)];

test('insight sdp: a Chromium offer splits into BUNDLEd audio, video and data channel sections', async () => {
  const text = await fixtureText('sdp/chromium-offer.sdp');
  const parsed = parseSdp(text);
  assert.deepEqual(parsed.media.map((section) => section.kind), ['audio', 'video', 'application']);
  assert.deepEqual(parsed.media.map((section) => section.mid), ['0', '1', '2']);
  assert.deepEqual(parsed.session.bundle, ['0', '1', '2']);
  assert.ok(lineOf(parsed.session.lines, 'a=group').explanation.includes('BUNDLE'));
  const [audio, video, data] = parsed.media;
  assert.equal(audio.direction, 'sendrecv');
  assert.equal(audio.protocol, 'UDP/TLS/RTP/SAVPF');
  const opus = audio.codecs.find((codec) => codec.name === 'opus');
  assert.equal(opus.payloadType, audio.formats[0], 'opus comes first');
  assert.equal(opus.clockRate, 48000);
  assert.equal(opus.channels, 2);
  assert.ok(opus.parameters.includes('useinbandfec=1'));
  assert.ok(lineOf(audio.lines, 'a=fmtp').explanation.includes('(opus)'));
  const vp8 = video.codecs.find((codec) => codec.name === 'VP8');
  assert.ok(vp8.feedback.includes('nack pli'), 'VP8 asks for key frames');
  assert.ok(video.codecs.some((codec) => codec.name === 'rtx'));
  assert.ok(lineOf(video.lines, 'a=ssrc-group').explanation.includes('retransmissions'));
  assert.equal(data.protocol, 'UDP/DTLS/SCTP');
  assert.ok(lineOf(data.lines, 'm').explanation.includes('data channel'));
  assert.ok(lineOf(data.lines, 'a=sctp-port').explanation.includes('5000'));
  assert.ok(lineOf(data.lines, 'a=max-message-size').explanation.includes('RFC 8841'));
  assert.ok(audio.candidates.length > 0, 'the non-trickled offer carries candidates');
  assert.ok(audio.candidates.every((candidate) => candidate.type === 'host'));
  assert.ok(lineOf(audio.lines, 'a=setup').explanation.includes('either DTLS client or server'));
  assert.ok(lineOf(audio.lines, 'a=fingerprint').explanation.includes('sha-256'));
  assert.ok(lineOf(audio.lines, 'a=ice-options').explanation.includes('trickle'));
  assert.ok(lineOf(audio.lines, 'a=ice-ufrag').explanation.includes('ICE restart'));
  assert.ok(lineOf(audio.lines, 'a=rtcp-mux').explanation.includes('RFC 5761'));
  assert.ok(lineOf(audio.lines, 'a=extmap').explanation.includes('RFC 8285'));
  assert.ok(lineOf(audio.lines, 'a=msid').explanation.includes('RFC 8830'));
});

test('insight sdp: no line is dropped, each keeps its text, and unexplained ones say null', async () => {
  for (const name of ['chromium-offer', 'chromium-answer', 'firefox-offer', 'firefox-answer']) {
    const text = await fixtureText(`sdp/${name}.sdp`);
    const lines = allLines(parseSdp(text));
    assert.deepEqual(lines.map((line) => line.text), text.split(/\r?\n/).filter((line) => line !== ''), name);
    assert.ok(lines.every((line) => line.explanation === null || typeof line.explanation === 'string'), name);
    assert.ok(lines.filter((line) => line.type === 'a=candidate').every((line) =>
      line.explanation.startsWith('An ICE candidate')), `${name}: every candidate line is read`);
  }
});

test('insight sdp: a Chromium answer takes the DTLS client role', async () => {
  const parsed = parseSdp(await fixtureText('sdp/chromium-answer.sdp'));
  for (const section of parsed.media) {
    assert.ok(lineOf(section.lines, 'a=setup').explanation.includes('DTLS client'), section.kind);
  }
});

test('insight sdp: Firefox\'s offer reads the same way, with its own codecs and TCP candidates', async () => {
  const offer = parseSdp(await fixtureText('sdp/firefox-offer.sdp'));
  assert.deepEqual(offer.media.map((section) => section.kind), ['audio', 'video', 'application']);
  assert.ok(offer.media[0].codecs.some((codec) => codec.name === 'opus'));
  assert.ok(offer.media[1].codecs.some((codec) => codec.name === 'VP8'));
  assert.ok(offer.media[0].candidates.some((candidate) => candidate.tcpType === 'active'));
  const recvonlyExtension = offer.media[0].lines.find((line) => line.text.startsWith('a=extmap:2/recvonly'));
  assert.ok(recvonlyExtension.explanation.startsWith('RTP header extension number 2 (recvonly only)'));
  assert.ok(lineOf(offer.session.lines, 'a=fingerprint').explanation.includes('DTLS certificate'),
    'Firefox puts the fingerprint in the session part');
  const answer = parseSdp(await fixtureText('sdp/firefox-answer.sdp'));
  assert.ok(answer.media.every((section) => lineOf(section.lines, 'a=setup').value === 'active'));
});

test('insight sdp: an ICE restart offer differs in ufrag and pwd, and the same offer is all same', async () => {
  for (const browser of ['chromium', 'firefox']) {
    const offer = await fixtureText(`sdp/${browser}-offer.sdp`);
    const restart = await fixtureText(`sdp/${browser}-restart-offer.sdp`);
    const diff = diffSdp(offer, restart);
    assert.deepEqual(diff.sections.map((section) => section.name), ['session', 'mid 0', 'mid 1', 'mid 2'], browser);
    const audio = diff.sections[1];
    assert.equal(audio.status, 'changed');
    for (const type of ['a=ice-ufrag', 'a=ice-pwd']) {
      assert.ok(audio.added.some((line) => line.type === type), `${browser}: new ${type}`);
      assert.ok(audio.removed.some((line) => line.type === type), `${browser}: old ${type}`);
    }
    assert.ok(audio.removed.some((line) => line.type === 'a=candidate'), `${browser}: old candidates gone`);
    assert.ok(audio.same.some((line) => line.type === 'a=rtpmap'), `${browser}: codecs unchanged`);
    const unchanged = diffSdp(offer, offer);
    assert.ok(unchanged.sections.every((section) => section.status === 'same' && section.added.length === 0));
  }
});

test('insight sdp: a section added or stopped in a renegotiation is named as such', () => {
  const base = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
  const audio = 'm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:111 opus/48000/2\r\n';
  const video = 'm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\na=sendonly\r\na=rtpmap:96 VP8/90000\r\n';
  const added = diffSdp(base + audio, base.replace(' 1 1 ', ' 1 2 ') + audio + video);
  assert.deepEqual(added.sections.map((section) => [section.name, section.status]),
    [['session', 'changed'], ['mid 0', 'same'], ['mid 1', 'added']]);
  assert.equal(added.sections[0].added[0].type, 'o');
  assert.equal(added.sections[2].kind, 'video');
  const removed = diffSdp(base + audio + video, base + audio);
  assert.equal(removed.sections[2].status, 'removed');
  assert.equal(removed.sections[2].removed.length, 4);
  const stopped = parseSdp(base + audio.replace('m=audio 9', 'm=audio 0'));
  assert.ok(lineOf(stopped.media[0].lines, 'm').explanation.includes('Port 0'));
});

test('insight sdp: odd input gets clear errors or plain lines', () => {
  assert.throws(() => parseSdp(''), 'SyntaxError');
  assert.throws(() => parseSdp('o=- 1 1 IN IP4 0.0.0.0'), 'SyntaxError');
  assert.throws(() => parseSdp(null), 'TypeError');
  const parsed = parseSdp('v=0\nweird line\na=x-custom:1\nm=audio 9 RTP/AVP 0\na=candidate:broken\n');
  assert.equal(parsed.session.lines[1].type, 'unknown');
  assert.equal(parsed.session.lines[2].type, 'a=x-custom');
  assert.equal(parsed.session.lines[2].explanation, null);
  assert.equal(parsed.media[0].mid, null);
  assert.ok(parsed.media[0].lines[1].explanation.includes('could not be read'));
  assert.equal(parsed.media[0].candidates.length, 0);
});

test('insight sdp: a track in no stream, a bandwidth line and the packet time are explained', () => {
  const parsed = parseSdp('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nb=AS:30\r\na=msid:- 4f1c\r\na=ptime:20\r\n');
  const [bandwidth, msid, ptime] = parsed.media[0].lines.slice(1);
  assert.ok(bandwidth.explanation.includes('AS:30'));
  assert.ok(msid.explanation.includes('track "4f1c", in no media stream'), msid.explanation);
  assert.ok(ptime.explanation.includes('20 ms'));
});
