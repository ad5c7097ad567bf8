package org.webrtcscratch.websocket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Frames to messages (RFC 6455 §5.4–§5.6): joins fragments, lets control frames through between them, checks
 * the whole message's size and a text message's UTF-8 (§8.1), and reads close frames' codes (§5.5.1, §7.4).
 * Pure; one per connection, used by one thread at a time.
 */
public final class MessageAssembler {

    private static final int INITIAL_FRAGMENTS_CAPACITY = 1024;

    private final int maxMessageBytes;
    private Opcode fragmented;
    private byte[] fragments;
    private int fragmentsSize;

    public MessageAssembler(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * The message {@code frame} completes, or null if it is a fragment of one still coming.
     *
     * @throws ProtocolViolation if the frame does not fit the messages before it or breaks a rule above
     */
    public Message accept(Frame frame) {
        return switch (frame.opcode()) {
            case TEXT, BINARY -> startMessage(frame);
            case CONTINUATION -> continueMessage(frame);
            case PING -> new Message.Ping(frame.payload());
            case PONG -> new Message.Pong();
            case CLOSE -> close(frame.payload());
        };
    }

    private Message startMessage(Frame frame) {
        if (fragmented != null) {
            throw protocolError("a new data frame arrived before the fragmented message ended");
        }
        if (frame.fin()) {
            return message(frame.opcode(), frame.payload(), frame.payload().length);
        }
        fragmented = frame.opcode();
        fragments = new byte[Math.max(INITIAL_FRAGMENTS_CAPACITY, frame.payload().length)];
        fragmentsSize = 0;
        append(frame.payload());
        return null;
    }

    private Message continueMessage(Frame frame) {
        if (fragmented == null) {
            throw protocolError("a continuation frame arrived with no message to continue");
        }
        append(frame.payload());
        if (!frame.fin()) {
            return null;
        }
        Message message = message(fragmented, fragments, fragmentsSize);
        fragmented = null;
        fragments = null;
        return message;
    }

    private void append(byte[] payload) {
        long size = (long) fragmentsSize + payload.length;
        if (size > maxMessageBytes) {
            throw new ProtocolViolation(CloseCodes.TOO_BIG, "message of more than " + maxMessageBytes
                    + " bytes");
        }
        if (size > fragments.length) {
            fragments = Arrays.copyOf(fragments, (int) Math.min(maxMessageBytes, Math.max(size, 2L * fragments.length)));
        }
        System.arraycopy(payload, 0, fragments, fragmentsSize, payload.length);
        fragmentsSize = (int) size;
    }

    private static Message message(Opcode opcode, byte[] data, int length) {
        if (opcode == Opcode.BINARY) {
            return new Message.Binary(data.length == length ? data : Arrays.copyOf(data, length));
        }
        return new Message.Text(text(data, 0, length));
    }

    private static Message close(byte[] payload) {
        if (payload.length == 0) {
            return new Message.Close(CloseCodes.NO_STATUS, "");
        }
        if (payload.length == 1) {
            throw protocolError("a close frame's body must be empty or start with a 2-byte code");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCodes.maySend(code)) {
            throw protocolError("close code " + code + " may not be sent");
        }
        return new Message.Close(code, text(payload, 2, payload.length - 2));
    }

    private static String text(byte[] bytes, int offset, int length) {
        if (!Utf8.isValid(bytes, offset, length)) {
            throw new ProtocolViolation(CloseCodes.INVALID_DATA, "text is not valid UTF-8");
        }
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private static ProtocolViolation protocolError(String message) {
        return new ProtocolViolation(CloseCodes.PROTOCOL_ERROR, message);
    }
}
