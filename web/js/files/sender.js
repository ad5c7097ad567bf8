/**
 * The sending half: offers the file on its channel, then, once accepted, reads it a slice at a time
 * (`file.slice(...).arrayBuffer()`, never the whole file), hashes each chunk and sends it, waiting when
 * the channel's queue is full (`bufferedamountlow`) or the receiver is a window behind. No DOM.
 */
import {Reason, chunkLength, encodeChunk, offerMessage} from './messages.js';
import {RootHash, sha256} from './hashing.js';
import {Transfer, TransferState} from './transfer.js';

export class OutgoingTransfer extends Transfer {
  #file;
  #root = new RootHash();
  #wakeUp = () => {};
  /** Bumped when the sending loop must start over (a new `accept`) or stop. */
  #run = 0;
  #corrupt;

  /**
   * @param {object} options as {@link Transfer}, with
   * @param {File} options.file
   * @param {string} options.id
   * @param {number} options.chunkSize bytes of file data per chunk
   * @param {(index: number) => boolean} [options.corrupt] test hook: true to spoil chunk `index` after hashing
   */
  constructor({file, id, chunkSize, corrupt = () => false, ...options}) {
    const offer = offerMessage({id, name: file.name, size: file.size, type: file.type}, chunkSize);
    super({...options, direction: 'out', file: offer});
    this.#file = file;
    this.#corrupt = corrupt;
    const channel = this.channel;
    channel.bufferedAmountLowThreshold = this.limits.bufferLow;
    channel.addEventListener('bufferedamountlow', () => this.#wakeUp());
    const sendOffer = () => this.sendControl(offer);
    if (channel.readyState === 'open') sendOffer();
    else channel.addEventListener('open', sendOffer, {once: true});
  }

  handleControl(message) {
    switch (message.type) {
      case 'accept':
        if (message.next > this.chunks) return this.fail(Reason.INVALID);
        this.confirmed = message.next;
        this.setState(this.paused || this.remotePaused ? TransferState.PAUSED : TransferState.TRANSFERRING);
        this.#send(message.next);
        return undefined;
      case 'decline':
        return this.end(TransferState.DECLINED, message.reason);
      case 'ack':
        if (message.next > this.chunks || message.next < this.confirmed) return this.fail(Reason.INVALID);
        this.confirmed = message.next;
        this.advance(Math.min(this.size, message.next * this.chunkSize));
        this.#wakeUp();
        return undefined;
      case 'done':
        if (this.state !== TransferState.VERIFYING) return this.fail(Reason.INVALID);
        this.advance(this.size);
        return this.end(TransferState.DONE);
      default:
        return super.handleControl(message);
    }
  }

  wake() {
    this.#wakeUp();
  }

  released() {
    this.#run++;
    this.#wakeUp();
  }

  async #send(from) {
    const run = ++this.#run;
    const current = () => run === this.#run && !this.isFinal;
    const {chunkSize, size} = this;
    const perRead = Math.max(1, Math.floor(this.limits.readSize / chunkSize));
    /** Chunks `first`.. of the next read, with their hashes. */
    const read = async (first) => {
      const last = Math.min(this.chunks, first + perRead);
      const slice = await this.#file.slice(first * chunkSize, Math.min(size, last * chunkSize)).arrayBuffer();
      const pieces = [];
      for (let index = first; index < last; index++) {
        const offset = (index - first) * chunkSize;
        pieces.push(new Uint8Array(slice, offset, chunkLength(index, size, chunkSize)));
      }
      return {pieces, hashes: await Promise.all(pieces.map((piece) => sha256(piece)))};
    };
    // One read ahead: the next slice is read and hashed while this one is sent, so the channel never waits
    // for the disk and the digests (a read in flight, at most `readSize` more in memory).
    const ahead = (first) => {
      if (first >= this.chunks) return null;
      const next = read(first);
      next.catch(() => {}); // reported where it is awaited; not unhandled if the run stops first
      return next;
    };
    let next = ahead(from);
    try {
      for (let first = from; first < this.chunks; first += perRead) {
        const {pieces, hashes} = await next;
        if (!current()) return;
        next = ahead(first + perRead);
        for (let i = 0; i < pieces.length; i++) {
          const index = first + i;
          if (!await this.#mayGoOn(index, current)) return;
          this.#root.set(index, hashes[i]);
          if (this.#corrupt(index)) pieces[i][0] ^= 0xff;
          this.channel.send(encodeChunk(index, hashes[i], pieces[i]));
        }
      }
      if (!current()) return;
      this.sendControl({type: 'end', root: await this.#root.digest()});
      this.setState(TransferState.VERIFYING);
    } catch (error) {
      if (!current()) return;
      console.warn(`file transfer ${this.id}:`, error);
      this.fail(error?.name === 'NotReadableError' || error?.name === 'NotFoundError' ? Reason.READ_FAILED : Reason.CONNECTION_LOST);
    }
  }

  /** Waits until chunk `index` may be sent: not paused, inside the window, room in the channel's queue. */
  async #mayGoOn(index, current) {
    while (current()) {
      const blocked = this.paused || this.remotePaused || index - this.confirmed >= this.#window()
          || this.channel.bufferedAmount >= this.limits.bufferHigh;
      if (!blocked) return true;
      await new Promise((resolve) => {
        this.#wakeUp = resolve;
      });
    }
    return false;
  }

  /** Chunks allowed beyond the last confirmed one: what the receiver confirmed in `windowSeconds` lately. */
  #window() {
    const {minWindow, window, windowSeconds} = this.limits;
    const recent = Math.ceil((this.progress.bytesPerSecond * windowSeconds) / this.chunkSize);
    return Math.min(window, Math.max(minWindow, recent));
  }
}
