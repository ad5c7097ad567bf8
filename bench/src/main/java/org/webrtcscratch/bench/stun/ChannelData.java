package org.webrtcscratch.bench.stun;

/**
 * The ChannelData message of RFC 8656 §12.4: a 4-byte header (channel number, length) and the application
 * data, which the load client fills with its sequence number and send time.
 *
 * <pre>
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Channel Number        |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                       Application Data                        /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class ChannelData {

    public static final int HEADER_SIZE = 4;
    /** The first channel number a client may bind (RFC 8656 §12). */
    public static final int FIRST_CHANNEL = 0x4000;

    private ChannelData() { }

    /** True when the first two bits are 0b01: a ChannelData message, not STUN (RFC 8656 §12). */
    public static boolean isChannelData(byte[] packet, int length) {
        return length >= HEADER_SIZE && (packet[0] & 0xC0) == 0x40;
    }

    /** Writes the header for {@code dataLength} bytes of data into {@code packet}. */
    public static void writeHeader(byte[] packet, int channel, int dataLength) {
        packet[0] = (byte) (channel >> 8);
        packet[1] = (byte) channel;
        packet[2] = (byte) (dataLength >> 8);
        packet[3] = (byte) dataLength;
    }

    public static int channel(byte[] packet) {
        return ((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF);
    }

    public static int dataLength(byte[] packet) {
        return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
    }
}
