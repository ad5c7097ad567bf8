import {AudioLevelMeter} from './audio-level.js';

/**
 * The check before joining: the camera and microphone opened for a preview (the very tracks the call
 * then sends), a live microphone level, the device choice, and whether to join muted or with the camera
 * off. No DOM: ui/prejoin.js shows it.
 */
export class Prejoin {
  #meter = null;

  /** @param {import('./media.js').LocalMedia} media the call's own media, opened here for the preview */
  constructor(media) {
    this.media = media;
  }

  /** Opens camera and microphone (see {@link LocalMedia#start}: what is missing ends up in `problem`). */
  async start() {
    await this.media.start();
    this.#measure();
  }

  /** The microphone's level now, 0–1 (0 without a microphone or while muted). */
  level() {
    return this.#meter?.level() ?? 0;
  }

  /** Every device to choose from, with the ones in use. */
  async devices() {
    return {...await this.media.listDevices(), ...this.media.deviceIds};
  }

  /**
   * @param {'audio'|'video'|'speaker'} kind
   * @param {string} deviceId
   */
  async useDevice(kind, deviceId) {
    if (kind === 'speaker') {
      this.media.preferred.speaker = deviceId;
      return;
    }
    await this.media.useDevice(kind, deviceId);
    if (kind === 'audio') this.#measure();
  }

  setMuted(muted) {
    this.media.setAudioEnabled(!muted);
  }

  setCameraOff(off) {
    this.media.setVideoEnabled(!off);
  }

  /** Ends the check; the media stays open for the call. */
  finish() {
    this.#meter?.close();
    this.#meter = null;
  }

  #measure() {
    this.#meter?.close();
    const track = this.media.audioTrack;
    this.#meter = track ? new AudioLevelMeter(track) : null;
  }
}
