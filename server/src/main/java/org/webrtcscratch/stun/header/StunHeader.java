package org.webrtcscratch.stun.header;

/**
 * The STUN header of RFC 8489 §5: its sizes and magic cookie, and the part of it a server needs to answer,
 * carried by a {@link StunDecodeException} when the header was sound but the body was not, so that a request
 * can still get a 400 (Bad Request).
 */
public record StunHeader(MessageType type, TransactionId transactionId) {

    /** Every STUN message starts with a 20-byte header. */
    public static final int HEADER_SIZE = 20;
    /** RFC 8489 §5: "The Magic Cookie field MUST contain the fixed value 0x2112A442". */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** The length field is 16 bits and counts a multiple of 4 bytes. */
    public static final int MAX_BODY_LENGTH = 0xFFFC;
}
