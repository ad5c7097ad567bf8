package org.webrtcscratch.net;

/**
 * Which protocol a datagram belongs to on a socket that STUN, DTLS and SRTP share, told by its first byte
 * (RFC 7983 §7):
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--> forward to STUN
 *                  |                |
 *                  |      [16..19] -+--> forward to ZRTP
 *                  |                |
 *      packet -->  |      [20..63] -+--> forward to DTLS
 *                  |                |
 *                  |      [64..79] -+--> forward to TURN Channel
 *                  |                |
 *                  |    [128..191] -+--> forward to RTP/RTCP
 *                  +----------------+
 * </pre>
 * Every other first byte is {@link #UNKNOWN}: RFC 7983 has the packet dropped. A TURN server's own port reads
 * first bytes its own way ({@code turn.proto.FrameKind}: ChannelData up to 127, for RFC 5766's channel numbers).
 */
public enum PacketKind {
    STUN,
    ZRTP,
    DTLS,
    /** ChannelData from a TURN server (RFC 8656 §12.4), channels 0x4000-0x4FFF. */
    TURN_CHANNEL,
    /** SRTP and SRTCP: RTP version 2 sets the first byte's top bits to 0b10. */
    RTP_RTCP,
    UNKNOWN;

    /** The kind of a packet starting with {@code firstByte} (a {@code byte} or an unsigned value both work). */
    public static PacketKind of(int firstByte) {
        int value = firstByte & 0xFF;
        if (value <= 3) {
            return STUN;
        }
        if (value >= 16 && value <= 19) {
            return ZRTP;
        }
        if (value >= 20 && value <= 63) {
            return DTLS;
        }
        if (value >= 64 && value <= 79) {
            return TURN_CHANNEL;
        }
        if (value >= 128 && value <= 191) {
            return RTP_RTCP;
        }
        return UNKNOWN;
    }
}
