import {LOCAL_KEY, Stage, View, mainTile, screenKey} from '../js/stage.js';
import {assert, test} from './runner.js';

test('stage: the large tile is the pinned one, else a screen share, else the last speaker, else another', () => {
  const keys = [LOCAL_KEY, 'alice', 'bob'];
  assert.equal(mainTile({keys, pinned: null, lastSpeaker: null}), 'alice', 'someone else before oneself');
  assert.equal(mainTile({keys, pinned: null, lastSpeaker: 'bob'}), 'bob');
  assert.equal(mainTile({keys, pinned: null, lastSpeaker: LOCAL_KEY}), 'alice', 'never oneself for speaking');
  assert.equal(mainTile({keys: [screenKey('bob'), ...keys], pinned: null, lastSpeaker: 'alice'}), screenKey('bob'));
  assert.equal(mainTile({keys: [screenKey('bob'), ...keys], pinned: 'alice', lastSpeaker: 'bob'}), 'alice');
  assert.equal(mainTile({keys, pinned: 'gone', lastSpeaker: 'gone'}), 'alice', 'absent tiles do not count');
  assert.equal(mainTile({keys: [LOCAL_KEY], pinned: null, lastSpeaker: null}), LOCAL_KEY);
  assert.equal(mainTile({keys: [], pinned: null, lastSpeaker: null}), null);
});

test('stage: pinning switches to speaker view and holds against speakers; a tile that goes is unpinned', () => {
  const stage = new Stage();
  const changes = [];
  stage.addEventListener('change', ({detail}) => changes.push(detail));
  stage.setKeys([LOCAL_KEY, 'alice', 'bob']);
  assert.equal(stage.view, View.GRID);
  assert.equal(stage.main, null, 'no large tile in grid view');
  stage.togglePin('bob');
  assert.equal(stage.view, View.SPEAKER);
  stage.speaking('alice', true);
  stage.speaking('alice', false);
  assert.equal(stage.main, 'bob');
  stage.togglePin('bob');
  assert.equal(stage.pinned, null);
  assert.equal(stage.main, 'alice', 'the last to speak, after a pause too');
  stage.speaking(null, true);
  assert.equal(stage.main, 'alice', 'this page speaking does not take the stage');
  stage.togglePin('alice');
  stage.setKeys([LOCAL_KEY, 'bob']);
  assert.equal(stage.pinned, null);
  assert.equal(stage.main, 'bob');
  stage.setView('nonsense');
  assert.equal(stage.view, View.SPEAKER);
  stage.setView(View.GRID);
  assert.deepEqual(changes.at(-1), {view: View.GRID, pinned: null, main: null});
});
