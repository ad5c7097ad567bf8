import {candidatePairs, dtlsTransport, SERIES, toSeries} from '../js/insight/stats-series.js';
import {fixtureJson} from './insight-fixtures.js';
import {assert, test} from './runner.js';

const last = (values) => values[values.length - 1];

for (const browser of ['chromium', 'firefox']) {
  test(`insight stats: ${browser}'s real samples give per-second series for every chart`, async () => {
    const samples = await fixtureJson(`stats/${browser}-samples.json`);
    const series = toSeries(samples);
    assert.deepEqual(series.at, samples.map((sample) => sample.at));
    for (const {key} of SERIES) assert.equal(series[key].length, samples.length, key);
    for (const key of ['audioBitrateIn', 'audioBitrateOut', 'videoBitrateIn', 'videoBitrateOut', 'dataBytesIn']) {
      assert.equal(series[key][0], null, `${key}: no rate before a second sample`);
    }
    assert.ok(last(series.videoBitrateOut) > 10000, `video is sent (${last(series.videoBitrateOut)} bit/s)`);
    assert.ok(last(series.videoBitrateIn) > 10000, `video is received (${last(series.videoBitrateIn)} bit/s)`);
    assert.ok(last(series.audioBitrateOut) > 1000, 'audio is sent');
    assert.ok(last(series.audioBitrateIn) > 1000, 'audio is received');
    assert.ok(last(series.rtt) >= 0, 'an RTT');
    assert.equal(last(series.packetsLostIn), 0, 'nothing lost on loopback');
    assert.ok(last(series.jitterIn) >= 0 && last(series.jitterIn) < 1000, 'jitter in ms');
    assert.ok(last(series.fpsOut) > 0 && last(series.fpsIn) > 0, 'frames both ways');
    assert.ok(last(series.widthOut) > 0 && last(series.heightIn) > 0, 'resolutions');
    assert.equal(last(series.dataBytesSent), 5, 'the data channel sent "hello"');
    assert.equal(last(series.dataBytesReceived), 10, 'and received "echo hello"');
    assert.equal(last(series.dataBytesOut), 0, 'nothing more sent since');
  });

  test(`insight stats: ${browser}'s candidate pairs, the selected one first, and its DTLS transport`, async () => {
    const samples = await fixtureJson(`stats/${browser}-samples.json`);
    const report = last(samples).report;
    const pairs = candidatePairs(report);
    assert.equal(pairs.length, Object.values(report).filter((stats) => stats.type === 'candidate-pair').length);
    assert.equal(pairs.filter((pair) => pair.selected).length, 1);
    const [selected] = pairs;
    assert.ok(selected.selected && selected.nominated);
    assert.equal(selected.state, 'succeeded');
    assert.ok(selected.bytesSent > 0 && selected.bytesReceived > 0);
    assert.equal(selected.local.type, 'host');
    assert.equal(selected.remote.protocol, 'udp');
    assert.ok(selected.local.address && selected.local.port > 0);
    const transport = dtlsTransport(report);
    assert.equal(transport.dtlsState, 'connected');
    assert.ok(['DTLS 1.2', 'DTLS 1.3'].includes(transport.version), transport.version);
    assert.ok(transport.cipher.startsWith('TLS_'));
    assert.ok(['client', 'server'].includes(transport.role));
    assert.equal(transport.selectedCandidatePairId, selected.id);
  });
}

const at = (ms, report) => ({at: ms, report});
const video = (id, bytesSent, timestamp, extra = {}) =>
  ({id, type: 'outbound-rtp', kind: 'video', bytesSent, timestamp, ...extra});

test('insight stats: rates use the browser\'s timestamps, sum the streams and skip a counter that went back', () => {
  const series = toSeries([
    at(0, {a: video('a', 0, 1000), b: video('b', 0, 1000)}),
    at(1000, {a: video('a', 1000, 3000), b: video('b', 500, 3000)}), // 2 s by the stats' own clock
    at(2000, {a: video('a', 100, 4000), b: video('b', 1500, 4000)}), // a went back: only b counts
    at(3000, {c: video('c', 50, 5000)}), // a new stream alone: nothing to compare with
    at(4000, {c: video('c', 1050)}), // no timestamp: the samples' times
  ]);
  assert.deepEqual(series.videoBitrateOut, [null, 6000, 8000, null, 8000]);
  assert.deepEqual(series.audioBitrateOut, [null, null, null, null, null], 'no audio streams');
});

test('insight stats: missing fields and empty or missing reports give nulls, not errors', () => {
  const series = toSeries([at(0, {}), at(1000, {x: {id: 'x', type: 'inbound-rtp', kind: 'video'}}), {at: 2000}]);
  for (const {key} of SERIES) assert.deepEqual(series[key], [null, null, null], key);
  assert.deepEqual(toSeries([]).at, []);
  assert.deepEqual(toSeries(undefined).rtt, []);
  assert.deepEqual(candidatePairs({}), []);
  assert.equal(dtlsTransport({}), null);
});

test('insight stats: without transport stats the pair marked selected is the selected one, RTT from RTCP else', () => {
  const report = {
    p1: {id: 'p1', type: 'candidate-pair', state: 'succeeded', selected: false, nominated: false,
      localCandidateId: 'l', remoteCandidateId: 'gone'},
    p2: {id: 'p2', type: 'candidate-pair', state: 'succeeded', selected: true, nominated: true,
      currentRoundTripTime: 0.025, localCandidateId: 'l', remoteCandidateId: 'r'},
    l: {id: 'l', type: 'local-candidate', candidateType: 'relay', protocol: 'udp', address: '198.51.100.2',
      port: 50000, relayProtocol: 'tcp', url: 'turn:198.51.100.2:3478?transport=tcp'},
    r: {id: 'r', type: 'remote-candidate', candidateType: 'srflx', protocol: 'udp', ip: '203.0.113.9', port: 1},
  };
  const pairs = candidatePairs(report);
  assert.deepEqual(pairs.map((pair) => [pair.id, pair.selected]), [['p2', true], ['p1', false]]);
  assert.equal(pairs[0].rtt, 25);
  assert.equal(pairs[0].local.relayProtocol, 'tcp');
  assert.equal(pairs[0].local.url, 'turn:198.51.100.2:3478?transport=tcp');
  assert.equal(pairs[0].remote.address, '203.0.113.9');
  assert.equal(pairs[1].remote, null, 'a candidate the report lacks');
  assert.equal(toSeries([at(0, report)]).rtt[0], 25);
  const rtcpOnly = {q: {id: 'q', type: 'remote-inbound-rtp', roundTripTime: 0.04}};
  assert.deepEqual(toSeries([at(0, rtcpOnly)]).rtt, [40]);
});
