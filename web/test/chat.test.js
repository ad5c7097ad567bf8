import {Chat, MAX_TEXT_LENGTH, decodeChatMessage, encodeChatMessage} from '../js/chat.js';
import {assert, test} from './runner.js';

test('chat: messages cross the channel as {text, name, sentAt}', () => {
  const frame = encodeChatMessage({text: 'hi', name: 'Ann', sentAt: 1700000000000});
  assert.deepEqual(JSON.parse(frame), {text: 'hi', name: 'Ann', sentAt: 1700000000000});
  assert.deepEqual(decodeChatMessage(frame), {text: 'hi', name: 'Ann', sentAt: 1700000000000});
});

test('chat: frames that are not chat messages are dropped', () => {
  for (const bad of ['not json', '[]', '{"name":"x"}', '{"text":"  ","name":"x"}', '{"text":1,"name":"x"}', 42, null]) {
    assert.equal(decodeChatMessage(bad), null, String(bad));
  }
  const long = decodeChatMessage(JSON.stringify({text: 'y'.repeat(MAX_TEXT_LENGTH + 5), name: 'z'.repeat(99)}));
  assert.equal(long.text.length, MAX_TEXT_LENGTH);
  assert.equal(long.name.length, 40);
  assert.ok(Number.isFinite(long.sentAt), 'a missing sentAt becomes now');
});

test('chat: send broadcasts once and shows locally; receive shows what came from a peer', () => {
  const sent = [];
  const shown = [];
  const chat = new Chat((frame) => sent.push(frame));
  chat.addEventListener('message', ({detail}) => shown.push(detail));
  assert.equal(chat.send('   ', {from: 'me', name: 'Ann'}), false, 'blank is not sent');
  assert.equal(chat.send(' hello ', {from: 'me', name: 'Ann'}), true);
  chat.receive('p2', encodeChatMessage({text: 'yo', name: 'Bo', sentAt: 5}));
  chat.receive('p2', 'garbage');
  assert.equal(sent.length, 1);
  assert.equal(JSON.parse(sent[0]).text, 'hello');
  assert.deepEqual(shown.map(({from, name, text, local}) => ({from, name, text, local})),
      [{from: 'me', name: 'Ann', text: 'hello', local: true}, {from: 'p2', name: 'Bo', text: 'yo', local: false}]);
});

test('chat: bidi overrides and isolates are taken out of a message, so it cannot reverse the lines around it', () => {
  const message = decodeChatMessage(encodeChatMessage({text: 'pay \u202Eevil\u202C now \u2067x\u2069', name: 'A'}));
  assert.equal(message.text, 'pay evil now x');
});
