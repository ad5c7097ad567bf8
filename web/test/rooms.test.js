import {isValidRoom} from '../js/protocol.js';
import {callUrl, randomRoomName, roomFromPath, slugifyRoom} from '../js/rooms.js';
import {assert, test} from './runner.js';

test('rooms: random names read like quiet-otter-17 and are valid rooms', () => {
  for (let i = 0; i < 200; i++) {
    const name = randomRoomName();
    assert.ok(/^[a-z]+-[a-z]+-[1-9][0-9]$/.test(name), name);
    assert.ok(isValidRoom(name), name);
  }
  assert.equal(randomRoomName(() => 0), 'quiet-otter-10');
});

test('rooms: typed names become valid room names', () => {
  assert.equal(slugifyRoom('Team Stand-up'), 'team-stand-up');
  assert.equal(slugifyRoom('  Café   Olé!! '), 'cafe-ole');
  assert.equal(slugifyRoom('a__b--c'), 'a__b-c');
  assert.equal(slugifyRoom('***'), '');
  assert.equal(slugifyRoom('x'.repeat(100)).length, 64);
  assert.equal(slugifyRoom(`${'x'.repeat(63)} y`), 'x'.repeat(63), 'no dash left at the cut');
  for (const typed of ['Hello World', 'ÀÉÎõü 123', '日本語 room', '---', 'a'.repeat(70) + '!']) {
    const slug = slugifyRoom(typed);
    assert.ok(slug === '' || isValidRoom(slug), `${typed} -> ${slug}`);
  }
});

test('rooms: call page links carry the room in the path and the name in the query', () => {
  assert.equal(callUrl('http://localhost:8080', 'quiet-otter-17'), 'http://localhost:8080/r/quiet-otter-17');
  assert.equal(callUrl('https://example.test', 'r', 'Ann Lee & co'), 'https://example.test/r/r?name=Ann+Lee+%26+co');
  assert.equal(roomFromPath('/r/quiet-otter-17'), 'quiet-otter-17');
  assert.equal(roomFromPath('/r/quiet-otter-17/'), 'quiet-otter-17');
  assert.equal(roomFromPath('/r/a%20b'), 'a b');
  assert.equal(roomFromPath('/r/%E0%A4%A'), null, 'broken escape');
  assert.equal(roomFromPath('/call.html'), null);
  assert.equal(roomFromPath('/r/a/b'), null);
});
