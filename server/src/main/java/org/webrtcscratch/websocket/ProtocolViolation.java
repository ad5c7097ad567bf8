package org.webrtcscratch.websocket;

/**
 * The peer broke RFC 6455: the connection must be failed (§7.1.7) with {@link #closeCode} and the message as
 * the close reason.
 */
public final class ProtocolViolation extends RuntimeException {

    private final int closeCode;

    ProtocolViolation(int closeCode, String message) {
        super(message, null, false, false);
        this.closeCode = closeCode;
    }

    public int closeCode() {
        return closeCode;
    }
}
