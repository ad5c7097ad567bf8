import {isValidRoom} from '../js/protocol.js';
import {callUrl, isPrivateRoomName, privateRoomName, randomRoomName, roomFromPath, slugifyRoom} from '../js/rooms.js';
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

test('rooms: private names carry 100 random bits after a readable label, and survive being retyped', () => {
  const names = new Set();
  for (let i = 0; i < 200; i++) {
    const name = privateRoomName();
    assert.ok(/^[a-z]+-[a-z]+-[a-z2-7]{20}$/.test(name), name);
    assert.ok(isValidRoom(name) && isPrivateRoomName(name), name);
    assert.equal(slugifyRoom(name.toUpperCase()), name, 'typed in capitals, it is the same room');
    names.add(name.split('-')[2]);
  }
  assert.equal(names.size, 200, 'no two random parts alike');
  // Every byte value maps onto the 32 letters: the random source decides all 100 bits.
  const fixed = privateRoomName((bytes) => bytes.map((_, i) => i * 13));
  assert.equal(fixed.split('-')[2], [...Array(20)].map((_, i) => 'abcdefghijklmnopqrstuvwxyz234567'[(i * 13) & 31]).join(''));
  assert.ok(!isPrivateRoomName(randomRoomName()), 'a readable name is not private');
  assert.ok(!isPrivateRoomName('standup'), 'a typed name is not private');
});
