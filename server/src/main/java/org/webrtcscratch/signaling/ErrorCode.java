package org.webrtcscratch.signaling;

/** The {@code code} of an {@code error} message; docs/protocol.md lists when each is sent. */
public enum ErrorCode {
    BAD_JSON("bad-json"),
    UNKNOWN_TYPE("unknown-type"),
    BAD_REQUEST("bad-request"),
    BAD_ROOM_NAME("bad-room-name"),
    BAD_NAME("bad-name"),
    TOO_LARGE("too-large"),
    BINARY_NOT_SUPPORTED("binary-not-supported"),
    NOT_JOINED("not-joined"),
    ALREADY_JOINED("already-joined"),
    ROOM_FULL("room-full"),
    UNKNOWN_PEER("unknown-peer"),
    RATE_LIMITED("rate-limited"),
    SERVER_BUSY("server-busy"),
    PASSWORD_REQUIRED("password-required"),
    WRONG_PASSWORD("wrong-password"),
    TOKEN_REQUIRED("token-required"),
    BAD_TOKEN("bad-token"),
    ROOM_LOCKED("room-locked"),
    NOT_ROOM_HOST("not-room-host");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The string on the wire, e.g. {@code room-full}. */
    public String wire() {
        return wire;
    }
}
