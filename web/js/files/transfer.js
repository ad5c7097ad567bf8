/**
 * What both ends of a transfer share: the channel's control messages, the state, the progress and the
 * way it ends. {@link OutgoingTransfer} and {@link IncomingTransfer} add their half. No DOM.
 */
import {FILE_LIMITS} from './limits.js';
import {FileProtocolError, Reason, encodeControl, parseControl} from './messages.js';
import {RateMeter} from './rate-meter.js';

/** Values of {@link Transfer#state}; the last four are final. */
export const TransferState = Object.freeze({
  OFFERED: 'offered',
  TRANSFERRING: 'transferring',
  PAUSED: 'paused',
  VERIFYING: 'verifying',
  DONE: 'done',
  DECLINED: 'declined',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
});

const FINAL = new Set([TransferState.DONE, TransferState.DECLINED, TransferState.CANCELLED, TransferState.FAILED]);

/**
 * Events (CustomEvent): `change` ({transfer}) on every change of state or progress.
 */
export class Transfer extends EventTarget {
  /** Chunks the receiver has confirmed stored (the point a resumed transfer starts from). */
  confirmed = 0;
  /** Bytes done: sent and confirmed for the sender, received and checked for the receiver. */
  bytes = 0;
  state = TransferState.OFFERED;
  /** Why it ended (one of {@link Reason}), or null. */
  reason = null;
  /** This side paused it; `remotePaused`: the other side did. */
  paused = false;
  remotePaused = false;
  progress;

  channel;
  limits;
  #now;
  #meter = new RateMeter();

  /**
   * @param {object} options
   * @param {'out'|'in'} options.direction
   * @param {RTCDataChannel} options.channel this transfer's own channel
   * @param {string} options.peerId the other side
   * @param {string} options.peerName its name as the signaling server announced it
   * @param {{id: string, name: string, size: number, mime: string, chunkSize: number}} options.file
   * @param {typeof FILE_LIMITS} [options.limits]
   * @param {() => number} [options.now] ms
   */
  constructor({direction, channel, peerId, peerName, file, limits = FILE_LIMITS, now = () => performance.now()}) {
    super();
    this.direction = direction;
    this.channel = channel;
    this.peerId = peerId;
    this.peerName = peerName;
    this.id = file.id;
    this.name = file.name;
    this.size = file.size;
    this.mime = file.mime;
    this.chunkSize = file.chunkSize;
    this.chunks = Math.ceil(file.size / file.chunkSize);
    this.limits = limits;
    this.#now = now;
    this.progress = this.#meter.update(0, this.size, now());
    channel.binaryType = 'arraybuffer';
    channel.addEventListener('message', ({data}) => this.#onMessage(data));
    channel.addEventListener('close', () => {
      if (!this.isFinal) this.end(TransferState.FAILED, Reason.CONNECTION_LOST);
    });
  }

  get isFinal() {
    return FINAL.has(this.state);
  }

  /** Stops it for both sides. */
  cancel() {
    if (this.isFinal) return;
    this.sendControl({type: 'cancel', reason: Reason.CANCELLED});
    this.end(TransferState.CANCELLED, Reason.CANCELLED);
  }

  pause() {
    if (this.isFinal || this.paused || this.state === TransferState.OFFERED) return;
    this.paused = true;
    this.sendControl({type: 'pause'});
    this.#showPause();
  }

  resume() {
    if (this.isFinal || !this.paused) return;
    this.paused = false;
    this.sendControl({type: 'resume'});
    this.#showPause();
  }

  sendControl(message) {
    if (this.channel.readyState === 'open') this.channel.send(encodeControl(message));
  }

  /** Ends the transfer in a final state, closes its channel and lets the subclass release what it holds. */
  end(state, reason = null) {
    if (this.isFinal) return;
    this.state = state;
    this.reason = reason;
    this.channel.close();
    this.released();
    this.changed();
  }

  /** Ends it as failed and tells the other side why. */
  fail(reason) {
    if (this.isFinal) return;
    this.sendControl({type: 'error', reason});
    this.end(TransferState.FAILED, reason);
  }

  setState(state) {
    if (this.isFinal || this.state === state) return;
    this.state = state;
    this.changed();
  }

  /** Records `bytes` done and tells the listeners. */
  advance(bytes) {
    this.bytes = bytes;
    this.progress = this.#meter.update(bytes, this.size, this.#now());
    this.changed();
  }

  changed() {
    this.dispatchEvent(new CustomEvent('change', {detail: {transfer: this}}));
  }

  /** Handles a control message of this side's half; `pause`, `resume`, `cancel`, `error` are shared. */
  handleControl(message) {
    throw new FileProtocolError(Reason.INVALID, `unexpected ${message.type}`);
  }

  /** Handles a binary frame; only the receiver takes them. */
  handleBinary() {
    throw new FileProtocolError(Reason.INVALID, 'unexpected binary frame');
  }

  /** Lets go of files, sinks and waiting loops once the transfer is final. */
  released() {}

  /** Wakes whatever waits for a change of pause state or window (the sender's loop). */
  wake() {}

  #onMessage(data) {
    if (this.isFinal) return;
    try {
      if (typeof data !== 'string') {
        this.handleBinary(data);
        return;
      }
      const message = parseControl(data, this.limits);
      switch (message.type) {
        case 'pause':
          this.remotePaused = true;
          this.#showPause();
          break;
        case 'resume':
          this.remotePaused = false;
          this.#showPause();
          break;
        case 'cancel':
          this.end(TransferState.CANCELLED, message.reason);
          break;
        case 'error':
          this.end(TransferState.FAILED, message.reason);
          break;
        default:
          this.handleControl(message);
      }
    } catch (error) {
      if (!(error instanceof FileProtocolError)) throw error;
      console.warn(`file transfer ${this.id}: ${error.message}`);
      this.fail(error.reason);
    }
  }

  #showPause() {
    if (this.state === TransferState.TRANSFERRING || this.state === TransferState.PAUSED) {
      this.state = this.paused || this.remotePaused ? TransferState.PAUSED : TransferState.TRANSFERRING;
    }
    this.#meter.reset();
    this.wake();
    this.changed();
  }
}
