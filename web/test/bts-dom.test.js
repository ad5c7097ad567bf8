import {h} from '../js/ui/bts/dom.js';
import {statesSection} from '../js/ui/bts/states.js';
import {addEvent, addPeer, newTrace} from '../js/insight/trace.js';
import {assert, test} from './runner.js';

test('bts dom: children nested in arrays at any depth become nodes, never "[object HTMLElement]"', () => {
  const list = h('dl', {}, [['a', 'b'].map((term) => [h('dt', {}, term), h('dd', {}, [[`${term}!`]])])]);
  assert.equal(list.outerHTML, '<dl><dt>a</dt><dd>a!</dd><dt>b</dt><dd>b!</dd></dl>');

  const trace = newTrace({timeOrigin: 0, call: {room: 'r', localPeerId: 'a1', name: 'Alice'}});
  addPeer(trace, {peerId: 'b', name: 'Bob', polite: false});
  addEvent(trace, {at: 1, kind: 'state', peerId: 'b', which: 'connectionState', value: 'connecting'});
  addEvent(trace, {at: 2, kind: 'state', peerId: 'b', which: 'connectionState', value: 'connected'});
  const container = document.createElement('div');
  statesSection().render(container, trace);
  const lanes = container.querySelector('.bts-lanes');
  assert.equal(lanes.querySelector('dt').textContent, 'connection');
  assert.deepEqual([...lanes.querySelectorAll('dd li')].map((li) => li.dataset.value), ['connecting', 'connected']);
  assert.ok(!container.textContent.includes('[object'), container.textContent);
});
