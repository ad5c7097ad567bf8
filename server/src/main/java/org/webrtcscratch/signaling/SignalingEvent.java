package org.webrtcscratch.signaling;

import java.time.Duration;
import java.time.Instant;

/**
 * What signaling did, told to a {@link SignalingEvents} sink: metrics, logs and the Behind-the-Scenes view
 * listen; the protocol code knows none of them. Each event names its room and peer (null for a refusal to a
 * connection that is in no room) and the time on the service's {@link SignalingClock}.
 */
public sealed interface SignalingEvent {

    Instant at();

    String room();

    String peerId();

    /** A peer entered a room (a fresh join; a resume is {@link Resumed}). */
    record Joined(Instant at, String room, String peerId, String name) implements SignalingEvent { }

    /** A signal from {@code peerId} was handed to the delivery for {@code to}. */
    record Relayed(Instant at, String room, String peerId, String to) implements SignalingEvent { }

    /** A peer's connection dropped; its place is kept for {@code window}, and messages for it are held. */
    record Away(Instant at, String room, String peerId, Duration window) implements SignalingEvent { }

    /** A message for {@code peerId}, which is away, was held for its resume. */
    record Held(Instant at, String room, String peerId) implements SignalingEvent { }

    /** An away peer took its place back on a new connection and was sent the {@code delivered} held messages. */
    record Resumed(Instant at, String room, String peerId, int delivered) implements SignalingEvent { }

    /** A client message was answered with an error (room and peer are null if the connection is in no room). */
    record Refused(Instant at, String room, String peerId, ErrorCode code) implements SignalingEvent { }

    /** A peer left its room for good; the others were told {@code peer-left} with {@code reason}. */
    record Left(Instant at, String room, String peerId, LeaveReason reason) implements SignalingEvent { }
}
