/**
 * The Live charts section: per peer, once a second from getStats() (W3C webrtc-stats), bitrate in and
 * out (audio and video apart), round-trip time, loss and jitter, frames per second, resolution and the
 * data channel's bytes, drawn with uPlot (served from its WebJar); each chart's latest values in words too.
 */
import uPlot from '/vendor/uplot/dist/uPlot.esm.js';
import {NOT_REPORTED, toSeries, unreportedSeries} from '../../insight/stats-series.js';
import {h, peerName, startOf} from './dom.js';

const COLOURS = ['#7c9cff', '#3dd68c', '#f5b74f', '#e5484d'];

/** The charts: their series (toSeries keys), unit and how a value is shown; `scale` turns it into the unit. */
const CHARTS = [
  {id: 'bitrate', title: 'Bitrate', unit: 'kbit/s', scale: 1e-3, series: [
    ['audioBitrateIn', 'audio received'], ['audioBitrateOut', 'audio sent'],
    ['videoBitrateIn', 'video received'], ['videoBitrateOut', 'video sent']]},
  {id: 'rtt', title: 'Round-trip time', unit: 'ms', series: [['rtt', 'round trip (selected pair)']]},
  {id: 'loss', title: 'Packets lost and jitter', unit: 'packets/s, ms', series: [
    ['packetsLostIn', 'lost, received streams (packets/s)'], ['packetsLostOut', 'lost, sent streams (packets/s)'],
    ['jitterIn', 'jitter, received (ms)']]},
  {id: 'fps', title: 'Frames per second', unit: 'fps', series: [['fpsIn', 'received'], ['fpsOut', 'sent']]},
  {id: 'resolution', title: 'Video resolution', unit: 'px', series: [
    ['widthIn', 'width received'], ['heightIn', 'height received'], ['widthOut', 'width sent'], ['heightOut', 'height sent']]},
  {id: 'data', title: 'Data channel', unit: 'B/s', series: [['dataBytesIn', 'received'], ['dataBytesOut', 'sent']]},
];

function latest(values) {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] != null) return values[i];
  return null;
}

function format(value) {
  if (value == null) return 'none yet';
  return Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

/**
 * The chart's latest values in words, for everyone who does not read the lines; `unreported`: the series
 * this browser's getStats() leaves out.
 */
function inWords(chart, series, unreported = new Set()) {
  return `${chart.title} now: ${chart.series.map(([key, label]) => {
    const value = latest(series[key] ?? []);
    if (value == null && unreported.has(key)) return `${label} ${NOT_REPORTED}`;
    return `${label} ${format(value == null ? null : value * (chart.scale ?? 1))}`;
  }).join(', ')} (${chart.unit}).`;
}

function chartData(chart, series, start) {
  return [series.at.map((at) => (at - start) / 1000),
    ...chart.series.map(([key]) => (series[key] ?? []).map((v) => (v == null ? null : v * (chart.scale ?? 1))))];
}

function makePlot(chart, data, width, into) {
  return new uPlot({
    width, height: 150,
    scales: {x: {time: false}},
    legend: {live: false},
    axes: [{stroke: '#9aa1b2', label: 'seconds', grid: {stroke: '#2c3140'}},
      {stroke: '#9aa1b2', label: chart.unit, grid: {stroke: '#2c3140'}}],
    series: [{label: 's'}, ...chart.series.map(([, label], i) => ({label, stroke: COLOURS[i % COLOURS.length], spanGaps: true}))],
  }, data, into);
}

export function chartsSection() {
  let drawn = null; // {trace, plots: Map<string, {plot, words}>}: the charts on screen, updated in place
  return {
    id: 'charts',
    title: 'Live charts',
    render(container, trace) {
      const peers = trace.peers.filter(({peerId}) => trace.stats?.[peerId]?.length);
      if (!peers.length) {
        drawn = null;
        container.replaceChildren(h('p', {class: 'bts-empty'}, 'No getStats() sample yet.'));
        return;
      }
      const start = startOf(trace);
      const layoutKey = `${trace.timeOrigin}:${trace.exportedAt}:${peers.map((p) => p.peerId).join()}`;
      const fresh = drawn?.key !== layoutKey || !container.contains(drawn.first);
      if (fresh) {
        container.replaceChildren();
        drawn = {key: layoutKey, plots: new Map(), first: null};
      }
      const width = Math.max(280, Math.min(container.clientWidth - 24, 900));
      for (const {peerId} of peers) {
        const series = toSeries(trace.stats[peerId]);
        const unreported = unreportedSeries(trace.stats[peerId]);
        for (const chart of CHARTS) {
          const id = `${peerId}:${chart.id}`;
          const data = chartData(chart, series, start);
          const known = drawn.plots.get(id);
          if (known) {
            known.plot.setData(data);
            known.words.textContent = inWords(chart, series, unreported);
            continue;
          }
          if (!drawn.plots.size) {
            drawn.first = h('p', {class: 'bts-intro'}, 'One point a second from getStats(); the last five minutes are kept.');
            container.append(drawn.first);
          }
          if (chart === CHARTS[0]) container.append(h('h3', {}, `With ${peerName(trace, peerId)}`));
          const figure = h('figure', {class: 'bts-chart', 'data-testid': 'bts-chart', dataset: {chart: chart.id, peerId,
            samples: String(series.at.length)}}, h('figcaption', {}, chart.title));
          const words = h('p', {class: 'bts-chart-words'}, inWords(chart, series, unreported));
          container.append(figure);
          const plot = makePlot(chart, data, width, figure);
          figure.append(words);
          drawn.plots.set(id, {plot, words, figure});
        }
      }
      for (const {figure, plot} of drawn.plots.values()) figure.dataset.samples = String(plot.data[0].length);
    },
  };
}
