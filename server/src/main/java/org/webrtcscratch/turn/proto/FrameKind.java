package org.webrtcscratch.turn.proto;

/**
 * What a packet on a TURN server's port is, from its first two bits (RFC 8656 §12: 0b00 for STUN, 0b01 for
 * ChannelData). Only a first guess: RFC 7983 narrows STUN to first bytes 0-3, since 20-63 is (D)TLS, so a TLS
 * record (0x16) is {@code STUN} here and fails later, in the STUN decoder.
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
