package org.webrtcscratch.turn.proto;

/**
 * What a packet on a TURN server's port is, from its first two bits (RFC 8656 §12: 0b00 for STUN, 0b01 for
 * ChannelData). RFC 7983 splits the other values further (DTLS, RTP); a TURN port expects neither.
 */
public enum FrameKind {
    STUN,
    CHANNEL_DATA,
    OTHER;

    /** The kind of a packet starting with {@code firstByte} (a {@code byte} or an unsigned value both work). */
    public static FrameKind of(int firstByte) {
        return switch ((firstByte & 0xC0) >>> 6) {
            case 0b00 -> STUN;
            case 0b01 -> CHANNEL_DATA;
            default -> OTHER;
        };
    }
}
