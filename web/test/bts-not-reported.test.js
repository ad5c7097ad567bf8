import {tellStory} from '../js/insight/story.js';
import {NOT_REPORTED, unreportedSeries} from '../js/insight/stats-series.js';
import {addEvent, addPeer, addSample, newTrace} from '../js/insight/trace.js';
import {chartsSection} from '../js/ui/bts/charts.js';
import {iceSection} from '../js/ui/bts/ice.js';
import {fixtureJson} from './insight-fixtures.js';
import {assert, test} from './runner.js';

const BOB = 'k2Jd';

/**
 * Firefox's real samples with fields taken away that not every browser reports: the candidate pair's
 * current RTT and the RTCP one, the received frame rate, and the transport's DTLS version, cipher and role.
 */
async function sparseSamples() {
  const samples = await fixtureJson('stats/firefox-samples.json');
  return samples.map(({at, report}) => ({at, report: Object.fromEntries(Object.entries(report).map(([id, stats]) => {
    const copy = {...stats};
    if (copy.type === 'candidate-pair') delete copy.currentRoundTripTime;
    if (copy.type === 'remote-inbound-rtp') delete copy.roundTripTime;
    if (copy.type === 'inbound-rtp' && copy.kind === 'video') {
      delete copy.framesPerSecond;
      delete copy.framesDecoded;
    }
    if (copy.type === 'transport') {
      delete copy.dtlsCipher;
      delete copy.dtlsRole;
      delete copy.tlsVersion;
    }
    return [id, copy];
  }))}));
}

function traceOf(samples) {
  const trace = newTrace({timeOrigin: 1764763200000, call: {room: 'quiet-otter', localPeerId: 'a1', name: 'Alice'}});
  addPeer(trace, {peerId: BOB, name: 'Bob', polite: false});
  addEvent(trace, {at: 10, kind: 'state', peerId: BOB, which: 'iceConnectionState', value: 'connected'});
  addEvent(trace, {at: 20, kind: 'state', peerId: BOB, which: 'dtlsState', value: 'connected'});
  samples.forEach((sample, i) => addSample(trace, BOB, {at: 100 + i * 1000, report: sample.report}));
  return trace;
}

function rendered(section, trace) {
  const container = document.createElement('div');
  document.body.append(container);
  try {
    section.render(container, trace);
    return container.cloneNode(true);
  } finally {
    container.remove();
  }
}

test('not reported: Chromium and Firefox report every series the charts draw', async () => {
  for (const browser of ['chromium', 'firefox']) {
    const missing = unreportedSeries(await fixtureJson(`stats/${browser}-samples.json`));
    assert.deepEqual([...missing], [], browser);
  }
});

test('not reported: fields a browser leaves out are named, not shown as errors or blanks', async () => {
  const samples = await sparseSamples();
  assert.deepEqual([...unreportedSeries(samples)].sort(), ['fpsIn', 'rtt']);
  assert.deepEqual([...unreportedSeries(samples.slice(0, 2))], [], 'not before three samples');
  const trace = traceOf(samples);

  const charts = rendered(chartsSection(), trace);
  const rtt = charts.querySelector('[data-chart="rtt"] .bts-chart-words').textContent;
  assert.ok(rtt.includes(`round trip (selected pair) ${NOT_REPORTED}`), rtt);
  const fps = charts.querySelector('[data-chart="fps"] .bts-chart-words').textContent;
  assert.ok(fps.includes(`received ${NOT_REPORTED}`) && /sent \d/.test(fps), fps);
  assert.ok(!/NaN|undefined/.test(charts.textContent), charts.textContent);

  const ice = rendered(iceSection(), trace);
  const selected = ice.querySelector('[data-testid="bts-candidate-pair"][data-selected="true"]');
  assert.ok(selected.textContent.includes(NOT_REPORTED), selected.textContent);
  assert.ok(!/NaN|undefined/.test(ice.textContent), ice.textContent);

  const dtls = tellStory(trace).find((line) => line.title === 'DTLS handshake done');
  assert.ok(dtls.detail.includes(`cipher ${NOT_REPORTED}`), dtls.detail);
  assert.ok(dtls.detail.includes(`DTLS role: ${NOT_REPORTED}`), dtls.detail);
  assert.ok(dtls.detail.includes('SRTP_AEAD_AES_128_GCM'), 'what is reported is still told');

  const withoutTransport = traceOf(samples.map(({at, report}) => ({at, report: Object.fromEntries(
      Object.entries(report).filter(([, stats]) => stats.type !== 'transport'))})));
  const told = tellStory(withoutTransport).find((line) => line.title === 'DTLS handshake done');
  assert.ok(told.detail.includes(`The DTLS version, cipher and roles: ${NOT_REPORTED}`), told.detail);
});
