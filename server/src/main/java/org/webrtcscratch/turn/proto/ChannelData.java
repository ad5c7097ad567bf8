package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.webrtcscratch.stun.header.StunDecodeException;

/**
 * A ChannelData message, RFC 8656 §12.4: application data to or from the peer bound to a channel, with a
 * 4-byte header instead of a 36-byte Send/Data indication. Over TCP and TLS the message is padded to a multiple
 * of 4 bytes (the padding is not counted in Length); over UDP the padding is optional (§12.5).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Channel Number        |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * /                       Application Data                        /
 * /                                                               /
 * |                                                               |
 * |                               +-------------------------------+
 * |                               |
 * +-------------------------------+
 * </pre>
 * This sits on the relay's hot path, so {@link #decode} copies nothing: {@link #data()} is a read-only view of
 * the received buffer, valid until that buffer is reused. Sending it advances its position; send a
 * {@code duplicate()} to keep the record intact. For the peer-to-client direction, {@link #writeHeader} lets the
 * payload be received straight after a 4-byte gap and framed in place.
 *
 * @param data the application data between position and limit
 */
public record ChannelData(int channelNumber, ByteBuffer data) {

    public static final int HEADER_SIZE = 4;
    public static final int MIN_CHANNEL_NUMBER = 0x4000;
    /**
     * RFC 8656 §12 allows 0x4000-0x4FFF; RFC 5766 allowed up to 0x7FFF, and clients still pick from that range
     * (coturn's turnutils_uclient does, and coturn accepts it). We accept it too: first bytes 0x50-0x7F collide
     * with nothing in RFC 7983's demultiplexing, and a client must not be able to tell us from coturn.
     */
    public static final int MAX_CHANNEL_NUMBER = 0x7FFF;

    public ChannelData {
        if (!isValidChannelNumber(channelNumber)) {
            throw new IllegalArgumentException("channel number 0x%04x outside 0x4000-0x7FFF".formatted(channelNumber));
        }
        if (data.remaining() > 0xFFFF) {
            throw new IllegalArgumentException("%d bytes of data do not fit".formatted(data.remaining()));
        }
    }

    public static boolean isValidChannelNumber(int number) {
        return number >= MIN_CHANNEL_NUMBER && number <= MAX_CHANNEL_NUMBER;
    }

    /**
     * Reads the message at the buffer's position, leaving the position alone. Bytes after the data (padding, or
     * anything a UDP sender appended) are ignored.
     *
     * @throws StunDecodeException when the header is incomplete, the channel number is outside the allowed range
     *                             or the data is shorter than Length
     */
    public static ChannelData decode(ByteBuffer in) {
        int length = checkedDataLength(in);
        int start = in.position();
        return new ChannelData(Short.toUnsignedInt(in.getShort(start)),
                in.slice(start + HEADER_SIZE, length).asReadOnlyBuffer());
    }

    /**
     * Checks the message at the buffer's position as {@link #decode} does, without building anything, and
     * returns its data length; the relay path then reads the channel number with {@link #channelNumberAt} and
     * sends the data where it lies.
     *
     * @throws StunDecodeException as {@link #decode}
     */
    public static int checkedDataLength(ByteBuffer in) {
        if (in.remaining() < HEADER_SIZE) {
            throw new StunDecodeException("ChannelData/header",
                    "%d bytes, shorter than the 4-byte header".formatted(in.remaining()));
        }
        int channelNumber = channelNumberAt(in);
        if (!isValidChannelNumber(channelNumber)) {
            throw new StunDecodeException("ChannelData/channel number",
                    "0x%04x is outside 0x4000-0x7FFF".formatted(channelNumber));
        }
        int length = Short.toUnsignedInt(in.getShort(in.position() + 2));
        int available = in.remaining() - HEADER_SIZE;
        if (length > available) {
            throw new StunDecodeException("ChannelData/length",
                    "Length says %d bytes of data, %d follow the header".formatted(length, available));
        }
        return length;
    }

    /** The Channel Number field of the message at the buffer's position, unchecked. */
    public static int channelNumberAt(ByteBuffer in) {
        return Short.toUnsignedInt(in.getShort(in.position()));
    }

    /**
     * Writes a header at {@code index} without moving the buffer's position: the zero-copy way to frame data
     * already placed at {@code index + 4}.
     */
    public static void writeHeader(ByteBuffer out, int index, int channelNumber, int dataLength) {
        Objects.checkIndex(dataLength, 0x10000);
        out.putShort(index, (short) channelNumber).putShort(index + 2, (short) dataLength);
    }

    /** Header plus data, plus the padding to a multiple of 4 when {@code padded} (required over TCP/TLS). */
    public int encodedLength(boolean padded) {
        int length = HEADER_SIZE + data.remaining();
        return padded ? length + 3 & ~3 : length;
    }

    /** Writes the message at the buffer's position and advances it; {@link #data()} is left as it was. */
    public void encodeInto(ByteBuffer out, boolean padded) {
        int end = out.position() + encodedLength(padded);
        out.putShort((short) channelNumber).putShort((short) data.remaining()).put(data.duplicate());
        while (out.position() < end) {
            out.put((byte) 0);
        }
    }

    public byte[] toBytes(boolean padded) {
        byte[] bytes = new byte[encodedLength(padded)];
        encodeInto(ByteBuffer.wrap(bytes), padded);
        return bytes;
    }
}
