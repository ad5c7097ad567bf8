/**
 * The local camera and microphone: getUserMedia with fallbacks, device choice, mute and camera-off
 * (through `track.enabled`, so the peer connections keep their senders and need no renegotiation).
 */

/** Modest capture size: with up to 7 remote peers every frame is encoded once per peer. */
const VIDEO_CONSTRAINTS = {width: {ideal: 640}, height: {ideal: 360}, frameRate: {ideal: 24}};

/**
 * Why a device could not be had, in words for the user.
 * @param {string[]} kinds the kinds that are missing, 'audio' and/or 'video'
 * @param {{name?: string}|undefined} error what getUserMedia threw, if it ran
 * @return {string}
 */
export function describeMediaProblem(kinds, error) {
  const what = kinds.length === 2 ? 'camera and microphone'
    : kinds[0] === 'video' ? 'camera' : 'microphone';
  const tail = 'You can still see, hear and chat with the others.';
  switch (error?.name) {
    case undefined:
      return `This page cannot use a ${what} (it needs https or localhost). ${tail}`;
    case 'NotAllowedError':
    case 'SecurityError':
      return `Access to your ${what} was blocked. Allow it in the browser's site settings and rejoin. ${tail}`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No ${what} was found. ${tail}`;
    case 'NotReadableError':
    case 'AbortError':
      return `Your ${what} is in use by another application or could not be started. ${tail}`;
    default:
      return `Your ${what} could not be started (${error.name}). ${tail}`;
  }
}

/**
 * Events (CustomEvent): `trackchange` ({kind, track}) when a device switch put a new track in
 * {@link LocalMedia#stream}; `devicelost` ({kind, lost, now}: labels, `now` '' when nothing could replace
 * it) when the device in use went away (unplugged, or taken by the system) and the page fell back to
 * another.
 */
export class LocalMedia extends EventTarget {
  #error;

  constructor() {
    super();
    /** The local tracks; empty when no device could be had. */
    this.stream = new MediaStream();
    /** null, or {kinds, message} saying which devices are missing and why. */
    this.problem = null;
    this.audioEnabled = true;
    this.videoEnabled = true;
    /**
     * The devices chosen (pre-join screen or device dialog): `audio` and `video` are asked for again on
     * the next start; `speaker` is the audio output the page plays the others on ('' = the default).
     */
    this.preferred = {audio: '', video: '', speaker: ''};
    /** The screen being shared, sent beside the camera (see screen-share.js), or null. */
    this.screen = null;
  }

  get audioTrack() {
    return this.stream.getAudioTracks()[0] ?? null;
  }

  get videoTrack() {
    return this.stream.getVideoTracks()[0] ?? null;
  }

  /** The device ids of the tracks in use ('' for a missing one) and the chosen speaker. */
  get deviceIds() {
    return {
      audio: this.audioTrack?.getSettings().deviceId ?? '',
      video: this.videoTrack?.getSettings().deviceId ?? '',
      speaker: this.preferred.speaker,
    };
  }

  /**
   * Each local track with the stream it belongs to, as RTCPeerConnection.addTrack takes them; the screen
   * share's marked `screen`.
   */
  get senders() {
    const screen = this.screen?.getTracks().map((track) => ({track, stream: this.screen, screen: true})) ?? [];
    return [...this.stream.getTracks().map((track) => ({track, stream: this.stream})), ...screen];
  }

  /**
   * Asks for camera and microphone; if both together are refused, tries each alone, so that one
   * missing device does not cost the other. Never throws: what is missing ends up in {@link problem}.
   * Tracks still live (the pre-join screen's preview) are kept as they are, so joining does not blink
   * the camera.
   */
  async start() {
    if (this.stream.getTracks().some((track) => track.readyState === 'live')) return;
    this.stop();
    this.problem = null;
    const mediaDevices = navigator.mediaDevices;
    if (!mediaDevices?.getUserMedia) {
      this.problem = {kinds: ['audio', 'video'], message: describeMediaProblem(['audio', 'video'])};
      return;
    }
    this.#error = undefined;
    const acquired = await getUserMedia({audio: this.#constraints('audio'), video: this.#constraints('video')}).catch((error) => {
      this.#error = error;
      return null;
    });
    const tracks = acquired ? acquired.getTracks() : [];
    if (!acquired) {
      for (const kind of ['audio', 'video']) {
        const alone = await getUserMedia({[kind]: this.#constraints(kind)}).catch(() => null);
        if (alone) tracks.push(...alone.getTracks());
      }
    }
    tracks.forEach((track) => this.#adopt(track));
    const missing = ['audio', 'video'].filter((kind) => !tracks.some((t) => t.kind === kind));
    if (missing.length) this.problem = {kinds: missing, message: describeMediaProblem(missing, this.#error)};
  }

  setAudioEnabled(enabled) {
    this.audioEnabled = enabled;
    if (this.audioTrack) this.audioTrack.enabled = enabled;
  }

  setVideoEnabled(enabled) {
    this.videoEnabled = enabled;
    if (this.videoTrack) this.videoTrack.enabled = enabled;
  }

  /**
   * The cameras, microphones and speakers the page may choose from (labels are empty before permission;
   * speakers are listed only where the browser can route sound to one, `setSinkId`).
   */
  async listDevices() {
    if (!navigator.mediaDevices?.enumerateDevices) return {audioinput: [], videoinput: [], audiooutput: []};
    const devices = await navigator.mediaDevices.enumerateDevices();
    const canChooseSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
    const of = (kind) => devices.filter((d) => d.kind === kind && d.deviceId);
    return {
      audioinput: of('audioinput'),
      videoinput: of('videoinput'),
      audiooutput: canChooseSpeaker ? of('audiooutput') : [],
    };
  }

  /**
   * Switches to another camera or microphone: the new track replaces the old one in {@link stream},
   * the old one is stopped, and `trackchange` lets the peers replaceTrack.
   * @param {'audio'|'video'} kind
   * @param {string} deviceId
   */
  async useDevice(kind, deviceId) {
    const base = kind === 'video' ? VIDEO_CONSTRAINTS : {};
    const acquired = await getUserMedia({[kind]: {...base, deviceId: {exact: deviceId}}});
    this.preferred[kind] = deviceId;
    const [track] = acquired.getTracks();
    const old = kind === 'video' ? this.videoTrack : this.audioTrack;
    if (old) {
      old.stop();
      this.stream.removeTrack(old);
    }
    this.#adopt(track);
    if (this.problem) {
      const kinds = this.problem.kinds.filter((k) => k !== kind);
      this.problem = kinds.length ? {kinds, message: describeMediaProblem(kinds, this.#error)} : null;
    }
    this.dispatchEvent(new CustomEvent('trackchange', {detail: {kind, track}}));
  }

  /** Stops every local track (the camera light goes off), the screen share's too. */
  stop() {
    for (const track of this.stream.getTracks()) {
      track.stop();
      this.stream.removeTrack(track);
    }
    for (const track of this.screen?.getTracks() ?? []) track.stop();
    this.screen = null;
  }

  /** What to ask getUserMedia for: the chosen device if there is one (`ideal`: another one will do). */
  #constraints(kind) {
    const base = kind === 'video' ? VIDEO_CONSTRAINTS : {};
    const deviceId = this.preferred[kind];
    if (!deviceId) return kind === 'video' ? base : true;
    return {...base, deviceId: {ideal: deviceId}};
  }

  #adopt(track) {
    track.enabled = track.kind === 'audio' ? this.audioEnabled : this.videoEnabled;
    this.stream.addTrack(track);
    // `ended` fires only when the browser ends a track (device gone), never for our own stop().
    track.addEventListener('ended', () => this.#fallBack(track), {once: true});
  }

  /** The device of `track` went away: use whichever other device of its kind the browser gives. */
  async #fallBack(track) {
    if (!this.stream.getTracks().includes(track)) return;
    const kind = track.kind;
    this.stream.removeTrack(track);
    this.preferred[kind] = '';
    const acquired = await getUserMedia({[kind]: this.#constraints(kind)}).catch(() => null);
    const [replacement] = acquired?.getTracks() ?? [];
    if (replacement) {
      this.#adopt(replacement);
      this.dispatchEvent(new CustomEvent('trackchange', {detail: {kind, track: replacement}}));
    }
    this.dispatchEvent(new CustomEvent('devicelost', {detail: {kind, lost: track.label, now: replacement?.label ?? ''}}));
  }
}

function getUserMedia(constraints) {
  return navigator.mediaDevices.getUserMedia(constraints);
}
