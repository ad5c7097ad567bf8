import {FILE_LIMITS} from '../js/files/limits.js';
import {
  CHUNK_HEADER_LENGTH, FileProtocolError, Reason, chunkCount, chunkLength, decodeChunk, encodeChunk, offerMessage,
  parseControl,
} from '../js/files/messages.js';
import {assert, test} from './runner.js';

const reasonOf = (fn) => {
  const error = assert.throws(fn, 'FileProtocolError');
  return error.reason;
};
const offer = (fields) => JSON.stringify({type: 'offer', id: 'abc', name: 'a.txt', size: 10, mime: 'text/plain',
  chunkSize: 65536, ...fields});

test('files messages: an offer is read back with only its own fields', () => {
  const sent = offerMessage({id: 'x-1', name: 'report.pdf', size: 123456, type: 'application/pdf'});
  assert.deepEqual(parseControl(JSON.stringify({...sent, extra: 1})),
      {type: 'offer', id: 'x-1', name: 'report.pdf', size: 123456, mime: 'application/pdf', chunkSize: FILE_LIMITS.chunkSize});
});

test('files messages: offers outside the limits are refused with their reason', () => {
  assert.equal(reasonOf(() => parseControl(offer({name: 'n'.repeat(FILE_LIMITS.maxNameLength + 1)}))), Reason.NAME_TOO_LONG);
  assert.equal(reasonOf(() => parseControl(offer({size: 2 ** 60}))), Reason.INVALID, 'not a safe integer');
  assert.equal(reasonOf(() => parseControl(offer({size: 5000}), {...FILE_LIMITS, maxFileSize: 4096})), Reason.TOO_LARGE);
  for (const bad of [{id: '../x'}, {id: ''}, {name: ''}, {name: 7}, {size: -1}, {size: 1.5}, {chunkSize: 10},
    {chunkSize: FILE_LIMITS.maxChunkSize + 1}]) {
    assert.equal(reasonOf(() => parseControl(offer(bad))), Reason.INVALID, JSON.stringify(bad));
  }
  // A name that would fake a line of its own; a type that is not a MIME type.
  const odd = parseControl(offer({name: 'a\nb\u0000.txt', mime: '<b>x</b>'}));
  assert.equal(odd.name, 'a_b_.txt');
  assert.equal(odd.mime, '');
  // The sender cuts a long name (counting characters, not UTF-16 units) to what a receiver takes.
  const long = offerMessage({id: 'i', name: '😀'.repeat(300), size: 1});
  assert.equal([...long.name].length, FILE_LIMITS.maxNameLength);
  assert.equal(parseControl(JSON.stringify(long)).name, long.name);
});

test('files messages: every control message type, and malformed ones refused', () => {
  assert.deepEqual(parseControl('{"type":"accept","next":3}'), {type: 'accept', next: 3});
  assert.deepEqual(parseControl('{"type":"ack","next":0}'), {type: 'ack', next: 0});
  assert.deepEqual(parseControl(`{"type":"end","root":"${'ab'.repeat(32)}"}`), {type: 'end', root: 'ab'.repeat(32)});
  for (const type of ['pause', 'resume', 'done']) assert.deepEqual(parseControl(`{"type":"${type}"}`), {type});
  assert.deepEqual(parseControl('{"type":"cancel","reason":"cancelled"}'), {type: 'cancel', reason: 'cancelled'});
  assert.deepEqual(parseControl('{"type":"error","reason":"hash-mismatch"}'), {type: 'error', reason: 'hash-mismatch'});
  assert.deepEqual(parseControl('{"type":"decline","reason":"<img>"}'), {type: 'decline', reason: 'cancelled'},
      'an unknown reason is not passed on');
  for (const bad of ['nope', '[]', 'null', '{"type":"launch"}', '{"type":"accept","next":-1}', '{"type":"ack"}',
    '{"type":"end","root":"xyz"}', `{"type":"pause","pad":"${'x'.repeat(FILE_LIMITS.maxControlMessageLength)}"}`]) {
    assert.equal(reasonOf(() => parseControl(bad)), Reason.INVALID, bad.slice(0, 40));
  }
  assert.ok(reasonOf(() => parseControl(new ArrayBuffer(4))) === Reason.INVALID, 'binary is not a control message');
});

test('files messages: a chunk frame carries index, hash and data', () => {
  const hash = new Uint8Array(32).map((_, i) => i);
  const data = new Uint8Array([9, 8, 7]);
  const frame = encodeChunk(70000, hash.buffer, data);
  assert.equal(frame.byteLength, CHUNK_HEADER_LENGTH + 3);
  const read = decodeChunk(frame);
  assert.equal(read.index, 70000);
  assert.deepEqual([...read.hash], [...hash]);
  assert.deepEqual([...read.data], [9, 8, 7]);
  assert.ok(decodeChunk(encodeChunk(1, hash, new Uint8Array(0))).data.byteLength === 0);
  assert.throws(() => decodeChunk(new ArrayBuffer(10)), 'FileProtocolError');
  assert.throws(() => decodeChunk('text'), 'FileProtocolError');
  assert.ok(new FileProtocolError(Reason.INVALID, 'x') instanceof Error);
});

test('files messages: chunk counts and lengths', () => {
  assert.equal(chunkCount(0, 1024), 0);
  assert.equal(chunkCount(1024, 1024), 1);
  assert.equal(chunkCount(1025, 1024), 2);
  assert.equal(chunkLength(0, 1025, 1024), 1024);
  assert.equal(chunkLength(1, 1025, 1024), 1);
});

test('files: bidi controls in an offered name become _, so "photo\u202Egnp.exe" cannot show as "photoexe.png"', () => {
  assert.equal(parseControl(offer({name: 'photo\u202Egnp.exe'})).name, 'photo_gnp.exe');
  assert.equal(parseControl(offer({name: '\u2067a\u2069.txt'})).name, '_a_.txt');
});
