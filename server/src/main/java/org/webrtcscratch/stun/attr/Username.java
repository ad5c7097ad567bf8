package org.webrtcscratch.stun.attr;

/**
 * USERNAME, RFC 8489 §14.3: the user and password pair's user, in UTF-8.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Username (UTF-8, variable, at most 513 bytes)    ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record Username(String value) implements TextAttribute {

    /** RFC 8489 asks senders for fewer than 509 bytes; RFC 5389 allowed 513, so receivers accept that. */
    public static final int MAX_BYTES = 513;

    public Username {
        Utf8.require(value, MAX_BYTES, "USERNAME");
    }

    public static Username decode(AttributeValue value) {
        return new Username(value.utf8(0));
    }

    @Override
    public int type() {
        return AttributeType.USERNAME.code();
    }
}
