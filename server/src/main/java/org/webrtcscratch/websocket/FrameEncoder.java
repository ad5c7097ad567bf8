package org.webrtcscratch.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Server frames (RFC 6455 §5.2): final, unmasked (§5.1: a server never masks), header and payload in one
 * buffer ready to write. Pure.
 */
public final class FrameEncoder {

    /** §5.5: a control frame's payload is at most 125 bytes; a close frame's code takes 2 of them. */
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private FrameEncoder() {
    }

    public static ByteBuffer text(String text) {
        return frame(Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    public static ByteBuffer ping() {
        return frame(Opcode.PING, new byte[0]);
    }

    public static ByteBuffer pong(byte[] data) {
        return frame(Opcode.PONG, data);
    }

    /**
     * A close frame with {@code code} and as much of {@code reason} as fits, cut at a character boundary;
     * no body at all for {@link CloseCodes#NO_STATUS}, which must not be sent.
     */
    public static ByteBuffer close(int code, String reason) {
        if (code == CloseCodes.NO_STATUS) {
            return frame(Opcode.CLOSE, new byte[0]);
        }
        byte[] text = fitReason(reason);
        byte[] body = new byte[2 + text.length];
        body[0] = (byte) (code >> 8);
        body[1] = (byte) code;
        System.arraycopy(text, 0, body, 2, text.length);
        return frame(Opcode.CLOSE, body);
    }

    private static byte[] fitReason(String reason) {
        String fitted = reason;
        byte[] bytes = fitted.getBytes(StandardCharsets.UTF_8);
        while (bytes.length > MAX_CLOSE_REASON_BYTES) {
            fitted = fitted.substring(0, Character.isLowSurrogate(fitted.charAt(fitted.length() - 1))
                    ? fitted.length() - 2 : fitted.length() - 1);
            bytes = fitted.getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    static ByteBuffer frame(Opcode opcode, byte[] payload) {
        int length = payload.length;
        int lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
        ByteBuffer frame = ByteBuffer.allocate(2 + lengthBytes + length);
        frame.put((byte) (0x80 | opcode.code));
        if (lengthBytes == 0) {
            frame.put((byte) length);
        } else if (lengthBytes == 2) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
    }
}
