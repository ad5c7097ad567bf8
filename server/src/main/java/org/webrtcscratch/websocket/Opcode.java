package org.webrtcscratch.websocket;

/** The frame opcodes of RFC 6455 §5.2; the others are reserved and fail the connection. */
public enum Opcode {
    CONTINUATION(0x0),
    TEXT(0x1),
    BINARY(0x2),
    CLOSE(0x8),
    PING(0x9),
    PONG(0xA);

    final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** Control frames (§5.5) have the high bit of the opcode set. */
    boolean isControl() {
        return (code & 0x8) != 0;
    }

    /** The opcode for {@code code}, or null if it is reserved. */
    static Opcode of(int code) {
        return switch (code) {
            case 0x0 -> CONTINUATION;
            case 0x1 -> TEXT;
            case 0x2 -> BINARY;
            case 0x8 -> CLOSE;
            case 0x9 -> PING;
            case 0xA -> PONG;
            default -> null;
        };
    }
}
