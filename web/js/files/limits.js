/**
 * Every limit of file transfer, in one place (docs/protocol.md, "File transfer", says what happens when
 * one is exceeded). The values this page sends with are ours; the `MAX_` ones bound what it accepts.
 */
export const FILE_LIMITS = Object.freeze({
  /** Bytes of file data per chunk this page sends. 64 KiB fits every browser's data-channel message size. */
  chunkSize: 64 * 1024,
  /** The largest chunk size accepted in an offer: Chromium's SCTP max-message-size is 256 KiB. */
  maxChunkSize: 256 * 1024,
  /** The smallest chunk size accepted in an offer (smaller would mean a hash for every few bytes). */
  minChunkSize: 1024,
  /** The largest file offered or accepted: 2^53 - 1 bytes, what a JavaScript number counts exactly. */
  maxFileSize: Number.MAX_SAFE_INTEGER,
  /** Characters of a file name; a longer name is refused in an offer and cut on sending. */
  maxNameLength: 255,
  /** Characters of a MIME type; a longer or malformed one is treated as no type. */
  maxTypeLength: 127,
  /** Transfers in progress at once on this page, both ways; an offer beyond it is declined as `busy`. */
  maxConcurrentTransfers: 8,
  /** Characters of a control message (JSON text on the channel); a longer one fails the transfer. */
  maxControlMessageLength: 4096,
  /** The sender waits when the channel holds this many bytes, until `bufferedamountlow`. */
  bufferHigh: 4 * 1024 * 1024,
  /** `bufferedAmountLowThreshold`: the sender goes on when the channel's queue drains to this. */
  bufferLow: 1024 * 1024,
  /**
   * Chunks the sender may have sent beyond the last one the receiver confirmed, at most; more than
   * `ackEvery`. It bounds the receiver's memory and, since a page handles its channels' messages in
   * arrival order, how long a chat message can wait behind file chunks not yet handled there. A receiver
   * fails a transfer whose sender goes past it.
   */
  window: 64,
  /** The sender's window at least, and while it knows no speed yet (after the start or a pause). */
  minWindow: 16,
  /**
   * Within those bounds, the sender's window holds what the receiver confirmed in this many seconds at
   * the speed of late: a slow receiver (a busy phone) gets fewer chunks ahead, so chat never waits long.
   * The time an ack takes to come back (its chunks gathered, checked, stored) comes off the speed in that
   * proportion, hence acks every few chunks and a disk written while the next batch gathers.
   */
  windowSeconds: 0.25,
  /** The receiver confirms (`ack`) after every this many chunks are stored: 256 KiB, ~25 ms at 10 MiB/s. */
  ackEvery: 4,
  /** Bytes read from the file at once, split into chunks (fewer, larger reads are faster). */
  readSize: 1024 * 1024,
});

/** Transfer ids: what a sender may choose, checked on the receiving side. */
export const TRANSFER_ID = /^[A-Za-z0-9_-]{1,64}$/;
