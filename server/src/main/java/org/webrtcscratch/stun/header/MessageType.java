package org.webrtcscratch.stun.header;

import java.util.Objects;

/**
 * The 14-bit STUN message type: a 12-bit method with the two class bits woven in, RFC 8489 §5.
 * <pre>
 *  0                 1
 *  2  3  4 5 6 7 8 9 0 1 2 3 4 5
 * +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
 * |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
 * +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record MessageType(StunMethod method, MessageClass messageClass) {

    public MessageType {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(messageClass, "messageClass");
    }

    public static MessageType of(StunMethod method, MessageClass messageClass) {
        return new MessageType(method, messageClass);
    }

    /** Same method, another class: how a handler turns a request type into its response type. */
    public MessageType withClass(MessageClass other) {
        return new MessageType(method, other);
    }

    /** The type as it goes on the wire (the two leading zero bits included). */
    public int code() {
        return code(method.code(), messageClass.bits());
    }

    /**
     * Reads a wire type.
     *
     * @throws StunDecodeException when the leading two bits are set or the method is unknown
     */
    public static MessageType fromCode(int code) {
        if ((code & 0xC000) != 0) {
            throw new StunDecodeException("header/type",
                    "type 0x%04x has a leading bit set; STUN messages start with two zero bits".formatted(code));
        }
        int m = methodBits(code);
        StunMethod method = StunMethod.of(m).orElseThrow(() -> new StunDecodeException("header/type",
                "unknown method 0x%03x in type 0x%04x".formatted(m, code)));
        return new MessageType(method, MessageClass.ofBits(classBits(code)));
    }

    /** Weaves a 12-bit method and two class bits into a type, as in the diagram above. */
    static int code(int method, int classBits) {
        return (method & 0x000F) | (method & 0x0070) << 1 | (method & 0x0F80) << 2
                | (classBits & 0b01) << 4 | (classBits & 0b10) << 7;
    }

    static int methodBits(int code) {
        return (code & 0x000F) | (code >> 1 & 0x0070) | (code >> 2 & 0x0F80);
    }

    static int classBits(int code) {
        return (code >> 4 & 0b01) | (code >> 7 & 0b10);
    }

    @Override
    public String toString() {
        return method + " " + messageClass;
    }
}
