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
 * {@link LocalMedia#stream}.
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
  }

  get audioTrack() {
    return this.stream.getAudioTracks()[0] ?? null;
  }

  get videoTrack() {
    return this.stream.getVideoTracks()[0] ?? null;
  }

  /** Each local track with the stream it belongs to, as RTCPeerConnection.addTrack takes them. */
  get senders() {
    return this.stream.getTracks().map((track) => ({track, stream: this.stream}));
  }

  /**
   * Asks for camera and microphone; if both together are refused, tries each alone, so that one
   * missing device does not cost the other. Never throws: what is missing ends up in {@link problem}.
   */
  async start() {
    this.stop();
    this.problem = null;
    const mediaDevices = navigator.mediaDevices;
    if (!mediaDevices?.getUserMedia) {
      this.problem = {kinds: ['audio', 'video'], message: describeMediaProblem(['audio', 'video'])};
      return;
    }
    this.#error = undefined;
    const acquired = await getUserMedia({audio: true, video: VIDEO_CONSTRAINTS}).catch((error) => {
      this.#error = error;
      return null;
    });
    const tracks = acquired ? acquired.getTracks() : [];
    if (!acquired) {
      for (const kind of ['audio', 'video']) {
        const alone = await getUserMedia({[kind]: kind === 'video' ? VIDEO_CONSTRAINTS : true}).catch(() => null);
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

  /** The cameras and microphones the page may choose from (labels are empty before permission). */
  async listDevices() {
    if (!navigator.mediaDevices?.enumerateDevices) return {audioinput: [], videoinput: []};
    const devices = await navigator.mediaDevices.enumerateDevices();
    return {
      audioinput: devices.filter((d) => d.kind === 'audioinput' && d.deviceId),
      videoinput: devices.filter((d) => d.kind === 'videoinput' && d.deviceId),
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

  /** Stops every local track (the camera light goes off). */
  stop() {
    for (const track of this.stream.getTracks()) {
      track.stop();
      this.stream.removeTrack(track);
    }
  }

  #adopt(track) {
    track.enabled = track.kind === 'audio' ? this.audioEnabled : this.videoEnabled;
    this.stream.addTrack(track);
  }
}

function getUserMedia(constraints) {
  return navigator.mediaDevices.getUserMedia(constraints);
}
