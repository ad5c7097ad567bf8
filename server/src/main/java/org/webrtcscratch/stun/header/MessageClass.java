package org.webrtcscratch.stun.header;

/** The two class bits of a STUN message type, RFC 8489 §5 (C1 C0). */
public enum MessageClass {
    REQUEST(0b00),
    INDICATION(0b01),
    SUCCESS_RESPONSE(0b10),
    ERROR_RESPONSE(0b11);

    private final int bits;

    MessageClass(int bits) {
        this.bits = bits;
    }

    /** C1 C0 as a two-bit number. */
    public int bits() {
        return bits;
    }

    /** The class for two bits C1 C0; every value 0..3 names one. */
    public static MessageClass ofBits(int bits) {
        return values()[bits & 0b11];
    }

    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }
}
