/**
 * Where a received file goes, chunk by chunk. Each sink has `write(bytes)`, `close()` (the file is
 * complete and checked: keep it) and `abort()` (throw it away). No DOM: saving a Blob is given.
 */

/**
 * Straight to disk through the File System Access API: the browser writes to a temporary file and puts
 * it in place only on `close()`, so an aborted transfer (cancelled, or a hash mismatch) leaves nothing.
 */
export class DiskSink {
  #writable;
  #batch = [];
  #batchBytes = 0;
  #batchLimit;
  /** The batch being written: at most one at a time, while the next one gathers. */
  #writing = Promise.resolve();

  /**
   * @param {FileSystemWritableFileStream} writable from `showSaveFilePicker()` and `createWritable()`
   * @param {number} [batchLimit] bytes gathered before a write: each write is a round trip to the browser
   *     process, one per MiB rather than one per chunk
   */
  constructor(writable, batchLimit = 1024 * 1024) {
    this.#writable = writable;
    this.#batchLimit = batchLimit;
  }

  /**
   * Takes a chunk. When a batch is full it starts writing it and returns the write before it, so the caller
   * waits only while the disk is a whole batch behind: the next batch gathers (and the sender is confirmed
   * its chunks) during a write, and memory holds at most two batches.
   */
  write(bytes) {
    this.#batch.push(bytes);
    this.#batchBytes += bytes.byteLength;
    return this.#batchBytes >= this.#batchLimit ? this.#flush() : undefined;
  }

  async close() {
    await this.#flush();
    await this.#writing;
    await this.#writable.close();
  }

  async abort() {
    this.#batch = [];
    await this.#writing.catch(() => {});
    await this.#writable.abort().catch(() => {});
  }

  /** Starts writing the gathered batch after the one being written; returns the one being written. */
  #flush() {
    const previous = this.#writing;
    if (!this.#batch.length) return previous;
    const joined = new Uint8Array(this.#batchBytes);
    let at = 0;
    for (const part of this.#batch) {
      joined.set(part, at);
      at += part.byteLength;
    }
    this.#batch = [];
    this.#batchBytes = 0;
    this.#writing = previous.then(() => this.#writable.write(joined));
    // A failed write is reported to whoever awaits it next (a later write, or close); not unhandled meanwhile.
    this.#writing.catch(() => {});
    return previous;
  }
}

/**
 * In memory as Blobs, saved at the end with a download. Chunks are gathered into one Blob per `batch`
 * bytes, not into a growing buffer, so the browser may keep them out of the page's heap.
 */
export class BlobSink {
  #parts = [];
  #batch = [];
  #batchBytes = 0;
  #batchLimit;
  #type;
  #save;

  /**
   * @param {string} type MIME type of the Blob
   * @param {(blob: Blob) => void} save offers the finished Blob to the person (a download)
   */
  constructor(type, save, batchLimit = 16 * 1024 * 1024) {
    this.#type = type;
    this.#save = save;
    this.#batchLimit = batchLimit;
  }

  write(bytes) {
    this.#batch.push(bytes);
    this.#batchBytes += bytes.byteLength;
    if (this.#batchBytes >= this.#batchLimit) this.#flush();
  }

  close() {
    this.#flush();
    this.#save(new Blob(this.#parts, {type: this.#type}));
    this.#parts = [];
  }

  abort() {
    this.#parts = [];
    this.#batch = [];
  }

  #flush() {
    if (this.#batch.length) this.#parts.push(new Blob(this.#batch));
    this.#batch = [];
    this.#batchBytes = 0;
  }
}
