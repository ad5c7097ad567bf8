import {sha256} from '../js/files/hashing.js';
import {FILE_LIMITS} from '../js/files/limits.js';
import {encodeChunk} from '../js/files/messages.js';
import {BlobSink, DiskSink} from '../js/files/sinks.js';
import {TransferState} from '../js/files/transfer.js';
import {FileTransfers, TooManyTransfersError} from '../js/files/transfers.js';
import {assert, eventually, test} from './runner.js';

/**
 * Two real peer connections in this page, joined directly (no signaling server), with a chat channel
 * as the app has, and a FileTransfers on each side: `a` knows the other as Bea, `b` knows it as Al.
 */
async function pair(limits = FILE_LIMITS, limitsB = limits) {
  const pcA = new RTCPeerConnection();
  const pcB = new RTCPeerConnection();
  pcA.onicecandidate = ({candidate}) => candidate && pcB.addIceCandidate(candidate);
  pcB.onicecandidate = ({candidate}) => candidate && pcA.addIceCandidate(candidate);
  const chatA = pcA.createDataChannel('chat', {negotiated: true, id: 0});
  const chatB = pcB.createDataChannel('chat', {negotiated: true, id: 0});
  await pcA.setLocalDescription();
  await pcB.setRemoteDescription(pcA.localDescription);
  await pcB.setLocalDescription();
  await pcA.setRemoteDescription(pcB.localDescription);
  await eventually(() => chatA.readyState === 'open' && chatB.readyState === 'open', 'chat channels open');
  const a = new FileTransfers({limits});
  const b = new FileTransfers({limits: limitsB});
  a.attach({peerId: 'pb', name: 'Bea', pc: pcA});
  b.attach({peerId: 'pa', name: 'Al', pc: pcB});
  const incoming = [];
  b.addEventListener('transfer', ({detail: {transfer}}) => incoming.push(transfer));
  return {a, b, incoming, chatA, chatB, pcA, close: () => {
    pcA.close();
    pcB.close();
  }};
}

function randomFile(size, name = 'data.bin') {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  return new File([bytes], name, {type: 'application/octet-stream'});
}

const hex = async (blob) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())),
    (x) => x.toString(16).padStart(2, '0')).join('');

/** Pauses the sending side as soon as the receiver has confirmed some chunks: a transfer held mid-way. */
function pauseOnFirstAck(transfer) {
  return new Promise((resolve) => {
    const onChange = () => {
      if (transfer.confirmed === 0) return;
      transfer.removeEventListener('change', onChange);
      transfer.pause();
      resolve();
    };
    transfer.addEventListener('change', onChange);
  });
}

function acceptIntoBlob(transfer) {
  const saved = {};
  transfer.accept(new BlobSink(transfer.mime, (blob) => {
    saved.blob = blob;
  }));
  return saved;
}

test('files transfer: a 3 MiB file arrives whole, checked, with the sender named by the receiver\'s side', async () => {
  const p = await pair();
  try {
    const file = randomFile(3 * 1024 * 1024 + 17);
    const [out] = p.a.send([file], ['pb']);
    await eventually(() => p.incoming.length === 1, 'the offer');
    const inc = p.incoming[0];
    assert.deepEqual([inc.name, inc.size, inc.peerName, inc.peerId, inc.state], ['data.bin', file.size, 'Al', 'pa', 'offered']);
    const saved = acceptIntoBlob(inc);
    await eventually(() => out.state === TransferState.DONE && inc.state === TransferState.DONE, 'both done');
    assert.equal(await hex(saved.blob), await hex(file));
    assert.equal(out.progress.fraction, 1);
    assert.equal(inc.progress.fraction, 1);
    assert.equal(p.a.active.length + p.b.active.length, 0);
    await eventually(() => out.channel.readyState === 'closed' && inc.channel.readyState === 'closed', 'channels closed');
  } finally {
    p.close();
  }
});

test('files transfer: an empty file, and several files at once', async () => {
  const p = await pair();
  try {
    const files = [randomFile(0, 'empty'), randomFile(200000, 'one'), randomFile(300001, 'two')];
    const outs = p.a.send(files, ['pb']);
    await eventually(() => p.incoming.length === 3, 'three offers');
    const saved = p.incoming.map(acceptIntoBlob);
    await eventually(() => [...outs, ...p.incoming].every((t) => t.state === TransferState.DONE), 'all done');
    for (const file of files) {
      const i = p.incoming.findIndex((t) => t.name === file.name);
      assert.equal(await hex(saved[i].blob), await hex(file), file.name);
    }
  } finally {
    p.close();
  }
});

test('files transfer: a chunk spoiled after hashing is reported as a mismatch on both sides, nothing saved', async () => {
  const p = await pair();
  try {
    p.a.corruptChunkForTest(5);
    const [out] = p.a.send([randomFile(1024 * 1024)], ['pb']);
    await eventually(() => p.incoming.length === 1, 'the offer');
    const saved = acceptIntoBlob(p.incoming[0]);
    await eventually(() => out.isFinal && p.incoming[0].isFinal, 'both ended');
    assert.deepEqual([out.state, out.reason], ['failed', 'hash-mismatch']);
    assert.deepEqual([p.incoming[0].state, p.incoming[0].reason], ['failed', 'hash-mismatch']);
    assert.equal(saved.blob, undefined, 'nothing offered as good');
  } finally {
    p.close();
  }
});

test('files transfer: decline, cancel by either side, pause and resume', async () => {
  const p = await pair({...FILE_LIMITS, bufferHigh: 256 * 1024, bufferLow: 64 * 1024, window: 32});
  try {
    const [declined, cancelledBySender, cancelledByReceiver, paused] =
        p.a.send([randomFile(1000, 'd'), randomFile(4e6, 's'), randomFile(4e6, 'r'), randomFile(8e6, 'p')], ['pb']);
    await eventually(() => p.incoming.length === 4, 'four offers');
    const byName = Object.fromEntries(p.incoming.map((t) => [t.name, t]));
    byName.d.decline();
    await eventually(() => declined.state === 'declined', 'the sender sees the decline');

    const held = [pauseOnFirstAck(cancelledBySender), pauseOnFirstAck(cancelledByReceiver)];
    acceptIntoBlob(byName.s);
    acceptIntoBlob(byName.r);
    await Promise.all(held);
    cancelledBySender.cancel();
    byName.r.cancel();
    await eventually(() => byName.s.state === 'cancelled' && cancelledByReceiver.state === 'cancelled', 'the others see it');

    byName.p.pause();
    acceptIntoBlob(byName.p);
    assert.equal(byName.p.state, 'transferring', 'a pause before accepting does nothing');
    await pauseOnFirstAck(paused);
    assert.equal(paused.state, 'paused');
    await eventually(() => byName.p.state === 'paused', 'the receiver sees the pause');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(paused.confirmed <= 8 + 32, 'at most a window more while paused');
    assert.equal(byName.p.progress.fraction < 1, true);
    paused.resume();
    await eventually(() => paused.state === 'done' && byName.p.state === 'done', 'done after resume');
    assert.equal(p.a.active.length + p.b.active.length, 0);
  } finally {
    p.close();
  }
});

test('files transfer: the limit on transfers at once, and a peer that leaves', async () => {
  const p = await pair({...FILE_LIMITS, maxConcurrentTransfers: 3}, {...FILE_LIMITS, maxConcurrentTransfers: 2});
  try {
    assert.throws(() => p.a.send([randomFile(1), randomFile(1), randomFile(1), randomFile(1)], ['pb']),
        'TooManyTransfersError');
    assert.equal(p.a.active.length, 0, 'none started');
    assert.ok(new TooManyTransfersError(3).message.includes('3'));
    const outs = p.a.send([randomFile(1e6), randomFile(1e6)], ['pb', 'nobody']);
    assert.equal(outs.length, 2, 'unknown peers are skipped');
    await eventually(() => p.incoming.length === 2, 'two offers');
    // The receiver is at its limit: a third offer is declined as busy.
    const [busy] = p.a.send([randomFile(1)], ['pb']);
    await eventually(() => busy.state === 'declined', 'the third declined');
    assert.equal(busy.reason, 'busy');
    assert.equal(p.incoming.length, 2);
    p.a.detach('pb');
    assert.deepEqual(outs.map((t) => [t.state, t.reason]), [['failed', 'peer-left'], ['failed', 'peer-left']]);
    await eventually(() => p.incoming.every((t) => t.state === 'failed' && t.reason === 'connection-lost'),
        'the receiver sees the channels close');
  } finally {
    p.close();
  }
});

test('files sinks: DiskSink writes through a real FileSystemWritableFileStream (the origin\'s private file system) in batches; abort keeps nothing', async () => {
  const folder = await navigator.storage.getDirectory();
  const handle = await folder.getFileHandle('files-sink-test.bin', {create: true});
  const sink = new DiskSink(await handle.createWritable(), 1000);
  const parts = [new Uint8Array(600).fill(1), new Uint8Array(600).fill(2), new Uint8Array(5).fill(3)];
  for (const part of parts) await sink.write(part);
  await sink.close();
  const written = new Uint8Array(await (await handle.getFile()).arrayBuffer());
  assert.equal(written.length, 1205);
  assert.deepEqual([written[0], written[600], written[1204]], [1, 2, 3]);

  const spoiled = new DiskSink(await handle.createWritable(), 10);
  await spoiled.write(new Uint8Array(50));
  await spoiled.abort();
  assert.equal((await handle.getFile()).size, 1205, 'the file as it was before');
  await folder.removeEntry('files-sink-test.bin');
});

test('files sinks: DiskSink gathers the next batch while one is written, waits when a whole batch behind, and reports a failed write', async () => {
  // A writable whose writes finish when the test says: the real one cannot be held half-way.
  const writes = [];
  const writable = {
    write: (bytes) => new Promise((resolve, reject) => writes.push({bytes, resolve, reject})),
    close: async () => {}, abort: async () => {},
  };
  const sink = new DiskSink(writable, 10);
  await sink.write(new Uint8Array(10)); // returns at once, though the batch's write has not finished
  assert.equal(writes.length, 1, 'the first batch is being written');
  let secondDone = false;
  const second = Promise.resolve(sink.write(new Uint8Array(10))).then(() => { secondDone = true; });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(secondDone, false, 'a whole batch behind: the caller waits for the first write');
  writes[0].resolve();
  await second;
  await eventually(() => writes.length === 2, 'the second batch written after the first');
  writes[1].reject(new DOMException('disk full', 'QuotaExceededError'));
  const failure = await sink.close().then(() => null, (error) => error);
  assert.equal(failure?.name, 'QuotaExceededError', 'close reports the failed write');
});

test('files transfer: a sender that ignores the window is stopped by the receiver', async () => {
  const p = await pair(FILE_LIMITS, {...FILE_LIMITS, window: 16});
  try {
    const raw = p.pcA.createDataChannel('file', {protocol: 'scratch-file/1'});
    const replies = [];
    raw.onmessage = ({data}) => replies.push(JSON.parse(data));
    await eventually(() => raw.readyState === 'open', 'the raw channel open');
    raw.send(JSON.stringify({type: 'offer', id: 'greedy', name: 'g.bin', size: 40 * 1024, mime: '', chunkSize: 1024}));
    await eventually(() => p.incoming.length === 1, 'the offer');
    // A disk that never finishes a write: nothing gets confirmed, so the window cannot move.
    p.incoming[0].accept({write: () => new Promise(() => {}), close() {}, abort() {}});
    await eventually(() => replies.some((m) => m.type === 'accept'), 'the accept');
    const data = new Uint8Array(1024);
    const hash = await sha256(data);
    for (let i = 0; i < 40; i++) raw.send(encodeChunk(i, hash, data));
    await eventually(() => p.incoming[0].isFinal, 'the receiver stops it');
    assert.deepEqual([p.incoming[0].state, p.incoming[0].reason], ['failed', 'invalid-message']);
    await eventually(() => replies.some((m) => m.type === 'error' && m.reason === 'invalid-message'), 'told why');
  } finally {
    p.close();
  }
});
