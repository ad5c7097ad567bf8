/**
 * Every file transfer of the call page, to and from every peer: each on a data channel of its own,
 * opened on the peer's RTCPeerConnection beside the chat channel, so a large file never holds up chat.
 * Checks the limits (docs/protocol.md, "File transfer"). No DOM.
 *
 * Events (CustomEvent): `transfer` ({transfer}) for each new one, incoming or outgoing; then listen to
 * the transfer's own `change`.
 */
import {FILE_LIMITS} from './limits.js';
import {CHUNK_HEADER_LENGTH, FILE_CHANNEL, FileProtocolError, Reason, encodeControl, parseControl} from './messages.js';
import {IncomingTransfer} from './receiver.js';
import {OutgoingTransfer} from './sender.js';
import {TransferState} from './transfer.js';

export class TooManyTransfersError extends Error {
  constructor(limit) {
    super(`at most ${limit} transfers at once`);
    this.name = 'TooManyTransfersError';
  }
}

export class FileTransfers extends EventTarget {
  /** @type {Map<string, {pc: RTCPeerConnection, name: string, onChannel: (event: RTCDataChannelEvent) => void}>} */
  #peers = new Map();
  /** Transfers not final yet. */
  #active = new Set();
  #limits;
  #now;
  #corruptions = new Set();

  /** @param {{limits?: typeof FILE_LIMITS, now?: () => number}} [options] */
  constructor({limits = FILE_LIMITS, now = () => performance.now()} = {}) {
    super();
    this.#limits = limits;
    this.#now = now;
  }

  /**
   * Takes file offers from `peer` from now on.
   * @param {{peerId: string, name: string, pc: RTCPeerConnection}} peer `name` as the signaling server gave it
   */
  attach({peerId, name, pc}) {
    this.detach(peerId);
    const onChannel = ({channel}) => {
      if (channel.label === FILE_CHANNEL.label) this.#onOffered(peerId, channel);
    };
    pc.addEventListener('datachannel', onChannel);
    this.#peers.set(peerId, {pc, name, onChannel});
  }

  /** The peer has gone: its transfers fail with `peer-left`. */
  detach(peerId) {
    const peer = this.#peers.get(peerId);
    if (!peer) return;
    peer.pc.removeEventListener('datachannel', peer.onChannel);
    this.#peers.delete(peerId);
    for (const transfer of [...this.#active]) {
      if (transfer.peerId === peerId) transfer.end(TransferState.FAILED, Reason.PEER_LEFT);
    }
  }

  /** Peer ids files can go to now. */
  get peerIds() {
    return [...this.#peers.keys()];
  }

  /** Transfers in progress (not final), both ways. */
  get active() {
    return [...this.#active];
  }

  /**
   * Offers `files` to each of `peerIds` (one transfer, and one channel, per file and peer).
   * @param {File[]} files
   * @param {string[]} peerIds
   * @return {OutgoingTransfer[]}
   * @throws {TooManyTransfersError} when they would pass the limit; then none is started
   */
  send(files, peerIds) {
    const targets = peerIds.filter((id) => this.#peers.has(id));
    if (this.#active.size + files.length * targets.length > this.#limits.maxConcurrentTransfers) {
      throw new TooManyTransfersError(this.#limits.maxConcurrentTransfers);
    }
    const started = [];
    for (const peerId of targets) {
      const {pc, name} = this.#peers.get(peerId);
      const maxMessageSize = pc.sctp?.maxMessageSize || Infinity;
      for (const file of files) {
        const channel = pc.createDataChannel(FILE_CHANNEL.label, {protocol: FILE_CHANNEL.protocol});
        const transfer = new OutgoingTransfer({
          channel, file, peerId, peerName: name, id: crypto.randomUUID(), limits: this.#limits, now: this.#now,
          chunkSize: Math.min(this.#limits.chunkSize, maxMessageSize - CHUNK_HEADER_LENGTH),
          corrupt: (index) => this.#corruptions.delete(index),
        });
        started.push(transfer);
        this.#track(transfer);
      }
    }
    return started;
  }

  /** Test hook: the next chunk `index` sent (by any transfer) is spoiled after its hash is taken. */
  corruptChunkForTest(index) {
    this.#corruptions.add(index);
  }

  /** The first message on a new file channel must be a valid offer; anything else closes the channel. */
  #onOffered(peerId, channel) {
    channel.addEventListener('message', ({data}) => {
      const refuse = (type, reason) => {
        channel.send(encodeControl({type, reason}));
        channel.close();
      };
      let offer;
      try {
        offer = parseControl(data, this.#limits);
        if (offer.type !== 'offer') throw new FileProtocolError(Reason.INVALID, `${offer.type} before an offer`);
      } catch (error) {
        if (!(error instanceof FileProtocolError)) throw error;
        console.warn(`file offer from ${peerId} refused: ${error.message}`);
        refuse('error', error.reason);
        return;
      }
      const peer = this.#peers.get(peerId);
      if (!peer) return channel.close();
      if (this.#active.size >= this.#limits.maxConcurrentTransfers) return refuse('decline', Reason.BUSY);
      this.#track(new IncomingTransfer({
        channel, peerId, peerName: peer.name, file: offer, limits: this.#limits, now: this.#now,
      }));
      return undefined;
    }, {once: true});
  }

  #track(transfer) {
    this.#active.add(transfer);
    transfer.addEventListener('change', () => {
      if (transfer.isFinal) this.#active.delete(transfer);
    });
    this.dispatchEvent(new CustomEvent('transfer', {detail: {transfer}}));
  }
}
