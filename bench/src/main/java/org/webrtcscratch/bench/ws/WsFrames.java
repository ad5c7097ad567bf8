package org.webrtcscratch.bench.ws;

import java.nio.ByteBuffer;

/**
 * RFC 6455 §5.2 base framing, as a client needs it: frames out are masked (§5.3, a client MUST mask),
 * frames in are not (a server MUST NOT mask). Pure: buffers in, buffers out.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-------+-+-------------+-------------------------------+
 * |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 * |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 * |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 * | |1|2|3|       |K|             |                               |
 * +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 * </pre>
 */
public final class WsFrames {

    public static final int OP_TEXT = 0x1;
    public static final int OP_CLOSE = 0x8;
    public static final int OP_PING = 0x9;
    public static final int OP_PONG = 0xA;
    private static final int FIN = 0x80;
    private static final int MASK_BIT = 0x80;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;
    private static final int MASK_KEY_SIZE = 4;

    /** One whole frame from the server. */
    public record Frame(int opcode, byte[] payload) { }

    private WsFrames() { }

    /** The size of a masked frame carrying {@code payloadLength} bytes. */
    public static int maskedFrameSize(int payloadLength) {
        return 2 + extendedLengthSize(payloadLength) + MASK_KEY_SIZE + payloadLength;
    }

    /** Writes one final masked frame; {@code out} must have {@link #maskedFrameSize} bytes left. */
    public static void writeMasked(ByteBuffer out, int opcode, byte[] payload, int maskKey) {
        out.put((byte) (FIN | opcode));
        int length = payload.length;
        if (length < LENGTH_16) {
            out.put((byte) (MASK_BIT | length));
        } else if (length <= 0xFFFF) {
            out.put((byte) (MASK_BIT | LENGTH_16)).putShort((short) length);
        } else {
            out.put((byte) (MASK_BIT | LENGTH_64)).putLong(length);
        }
        out.putInt(maskKey);
        for (int i = 0; i < length; i++) {
            out.put((byte) (payload[i] ^ (maskKey >>> (8 * (3 - (i & 3))))));
        }
    }

    /**
     * Reads one whole frame starting at {@code in}'s position and moves past it, or returns null and leaves
     * the position alone when the frame is not complete yet.
     *
     * @throws IllegalStateException for a masked or fragmented server frame (this client never asks for either)
     */
    public static Frame read(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < 2) {
            return null;
        }
        int first = in.get(start) & 0xFF;
        int second = in.get(start + 1) & 0xFF;
        if ((second & MASK_BIT) != 0) {
            throw new IllegalStateException("RFC 6455 §5.1: the server sent a masked frame");
        }
        if ((first & FIN) == 0 || (first & 0x0F) == 0) {
            throw new IllegalStateException("fragmented frame (opcode " + (first & 0x0F)
                    + "): the bench client does not reassemble messages");
        }
        int headerSize = 2;
        long length = second & 0x7F;
        if (length == LENGTH_16) {
            headerSize += 2;
            if (in.remaining() < headerSize) {
                return null;
            }
            length = in.getShort(start + 2) & 0xFFFF;
        } else if (length == LENGTH_64) {
            headerSize += 8;
            if (in.remaining() < headerSize) {
                return null;
            }
            length = in.getLong(start + 2);
            if (length > Integer.MAX_VALUE - headerSize) {
                throw new IllegalStateException("frame of " + length + " bytes is larger than the bench client takes");
            }
        }
        if (in.remaining() < headerSize + length) {
            return null;
        }
        byte[] payload = new byte[(int) length];
        in.position(start + headerSize);
        in.get(payload);
        return new Frame(first & 0x0F, payload);
    }

    private static int extendedLengthSize(int payloadLength) {
        return payloadLength < LENGTH_16 ? 0 : payloadLength <= 0xFFFF ? 2 : 8;
    }
}
