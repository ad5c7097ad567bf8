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
    SERVER_BUSY("server-busy");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The string on the wire, e.g. {@code room-full}. */
    public String wire() {
        return wire;
    }
}
