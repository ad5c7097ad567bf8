/**
 * The receiving half: shows the offer, and once accepted checks every chunk's SHA-256 as it comes,
 * writes it to its sink in order, confirms progress (`ack`) and, at `end`, compares the root hash before
 * keeping the file. A mismatch fails the transfer on both sides and the file is thrown away. No DOM.
 */
import {FileProtocolError, Reason, chunkLength, decodeChunk} from './messages.js';
import {RootHash, sameBytes, sha256} from './hashing.js';
import {Transfer, TransferState} from './transfer.js';

export class IncomingTransfer extends Transfer {
  /** @type {{write(bytes: Uint8Array): unknown, close(): unknown, abort(): unknown}|null} */
  #sink = null;
  #root = new RootHash();
  /** The next chunk index expected on the channel (chunks arrive in order on an ordered channel). */
  #expected = 0;
  /** Chunks are checked as they come (digests in parallel) and stored one after another through this. */
  #stored = Promise.resolve();

  /** @param {object} options as {@link Transfer}; `file` is the validated offer */
  constructor(options) {
    super({...options, direction: 'in'});
  }

  /**
   * Takes the file: chunks go to `sink` from now on.
   * @param {{write(bytes: Uint8Array): unknown, close(): unknown, abort(): unknown}} sink
   */
  accept(sink) {
    if (this.state !== TransferState.OFFERED) {
      sink.abort();
      return;
    }
    this.#sink = sink;
    this.sendControl({type: 'accept', next: 0});
    this.setState(TransferState.TRANSFERRING);
  }

  decline() {
    if (this.state !== TransferState.OFFERED) return;
    this.sendControl({type: 'decline', reason: Reason.DECLINED});
    this.end(TransferState.DECLINED, Reason.DECLINED);
  }

  handleBinary(frame) {
    if (!this.#sink) throw new FileProtocolError(Reason.INVALID, 'chunk before accept');
    const {index, hash, data} = decodeChunk(frame);
    if (index !== this.#expected) throw new FileProtocolError(Reason.INVALID, `chunk ${index} where ${this.#expected} was due`);
    if (index >= this.confirmed + this.limits.window) {
      throw new FileProtocolError(Reason.INVALID, `chunk ${index} beyond the window (${this.confirmed} confirmed)`);
    }
    if (index >= this.chunks || data.byteLength !== chunkLength(index, this.size, this.chunkSize)) {
      throw new FileProtocolError(Reason.INVALID, `chunk ${index} has the wrong length`);
    }
    this.#expected++;
    const digest = sha256(data);
    this.#store(async () => {
      if (!sameBytes(await digest, hash)) {
        console.warn(`file transfer ${this.id}: chunk ${index} does not match its SHA-256`);
        return this.fail(Reason.HASH_MISMATCH);
      }
      this.#root.set(index, hash);
      await this.#sink.write(data);
      const next = index + 1;
      this.advance(Math.min(this.size, next * this.chunkSize));
      if (next % this.limits.ackEvery === 0 || next === this.chunks) {
        this.confirmed = next;
        this.sendControl({type: 'ack', next});
      }
      return undefined;
    });
  }

  handleControl(message) {
    if (message.type !== 'end' || !this.#sink) return super.handleControl(message);
    if (this.#expected !== this.chunks) throw new FileProtocolError(Reason.INVALID, `end after ${this.#expected} of ${this.chunks} chunks`);
    this.setState(TransferState.VERIFYING);
    this.#store(async () => {
      if (await this.#root.digest() !== message.root) {
        console.warn(`file transfer ${this.id}: the chunk hashes do not add up to the sender's root`);
        return this.fail(Reason.HASH_MISMATCH);
      }
      const sink = this.#sink;
      this.#sink = null; // kept: not to be aborted by end()
      await sink.close();
      this.advance(this.size);
      this.sendControl({type: 'done'});
      return this.end(TransferState.DONE);
    });
    return undefined;
  }

  released() {
    this.#sink?.abort();
    this.#sink = null;
  }

  /** Runs `step` after the chunks before it are stored; a failing write fails the transfer. */
  #store(step) {
    this.#stored = this.#stored.then(() => (this.isFinal ? undefined : step())).catch((error) => {
      console.warn(`file transfer ${this.id}:`, error);
      this.fail(Reason.WRITE_FAILED);
    });
  }
}
