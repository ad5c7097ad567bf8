package org.webrtcscratch.websocket;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Client frames from bytes as they arrive (RFC 6455 §5.2), in any split: a header or payload cut across reads
 * is kept here until the rest comes. Checks the rules a single frame's layout must follow on its own: no
 * reserved bits (no extension is ever negotiated), no reserved opcodes, masked (§5.1: a server must fail an
 * unmasked client frame), control frames short and unfragmented (§5.5), payload within {@code maxPayload}.
 * Pure: bytes in, frames out; one instance per connection, used by one thread at a time.
 */
public final class FrameParser {

    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_HEADER = 14;
    private static final int INITIAL_PAYLOAD_BYTES = 4096;

    private final int maxPayload;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerFilled;
    /** Grows as the payload arrives: a header alone must not make the server hold what it declares. */
    private byte[] payload;
    private int payloadLength;
    private int payloadFilled;

    public FrameParser(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    /**
     * Consumes bytes from {@code in} up to the end of the next frame and returns it, or returns null once
     * {@code in} is used up without completing one.
     *
     * @throws ProtocolViolation if the frame breaks the rules above; the connection must then be failed
     */
    public Frame parse(ByteBuffer in) {
        if (payload == null && !readHeader(in)) {
            return null;
        }
        int count = Math.min(in.remaining(), payloadLength - payloadFilled);
        if (payloadFilled + count > payload.length) {
            int grown = Math.max(2 * payload.length, payloadFilled + count);
            payload = Arrays.copyOf(payload, Math.min(payloadLength, grown));
        }
        in.get(payload, payloadFilled, count);
        payloadFilled += count;
        if (payloadFilled < payloadLength) {
            return null;
        }
        return completeFrame();
    }

    private boolean readHeader(ByteBuffer in) {
        while (in.hasRemaining()) {
            header[headerFilled++] = in.get();
            if (headerFilled == 2) {
                checkFirstTwoBytes();
            }
            if (headerFilled >= 2 && headerFilled == headerLength()) {
                payload = allocatePayload();
                payloadFilled = 0;
                return true;
            }
        }
        return false;
    }

    private void checkFirstTwoBytes() {
        int first = header[0] & 0xFF;
        int second = header[1] & 0xFF;
        if ((first & 0x70) != 0) {
            throw violation("reserved bits set without a negotiated extension");
        }
        Opcode opcode = Opcode.of(first & 0x0F);
        if (opcode == null) {
            throw violation("reserved opcode 0x" + Integer.toHexString(first & 0x0F));
        }
        if ((second & 0x80) == 0) {
            throw violation("client frames must be masked");
        }
        if (opcode.isControl() && ((first & 0x80) == 0 || (second & 0x7F) > 125)) {
            throw violation("control frames must be final and at most 125 bytes");
        }
    }

    /** 2 bytes, then 2 or 8 of extended length for lengths 126 and 127, then the 4-byte masking key. */
    private int headerLength() {
        int length7 = header[1] & 0x7F;
        return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + 4;
    }

    private byte[] allocatePayload() {
        int length7 = header[1] & 0x7F;
        long length = switch (length7) {
            case 126 -> ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            case 127 -> ByteBuffer.wrap(header, 2, 8).getLong();
            default -> length7;
        };
        if (length < 0) {
            throw violation("the most significant bit of a 64-bit length must be 0");
        }
        if (length > maxPayload) {
            throw new ProtocolViolation(CloseCodes.TOO_BIG, "frame of " + length
                    + " bytes is over the limit of " + maxPayload);
        }
        payloadLength = (int) length;
        return length == 0 ? EMPTY : new byte[Math.min(payloadLength, INITIAL_PAYLOAD_BYTES)];
    }

    private Frame completeFrame() {
        int maskAt = headerFilled - 4;
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= header[maskAt + (i & 3)];
        }
        Frame frame = new Frame((header[0] & 0x80) != 0, Opcode.of(header[0] & 0x0F), payload);
        payload = null;
        headerFilled = 0;
        return frame;
    }

    private static ProtocolViolation violation(String message) {
        return new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, message);
    }
}
