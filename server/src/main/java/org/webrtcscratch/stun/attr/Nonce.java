package org.webrtcscratch.stun.attr;

/**
 * NONCE, RFC 8489 §14.10: the server's nonce, echoed by the client. RFC 8489 §9.2 servers start it with the
 * "nonce cookie" {@value #COOKIE_PREFIX} followed by four base64 characters of security-feature bits.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Nonce (UTF-8, fewer than 128 characters, at most 763 bytes) ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record Nonce(String value) implements TextAttribute {

    public static final int MAX_BYTES = 763;
    /** RFC 8489 §9.2: the fixed start of a nonce that carries security features. */
    public static final String COOKIE_PREFIX = "obMatJos2";

    public Nonce {
        Utf8.require(value, MAX_BYTES, "NONCE");
    }

    public static Nonce decode(AttributeValue value) {
        return new Nonce(value.utf8(0));
    }

    /** True when the nonce starts with the nonce cookie (the feature bits are for the auth layer to read). */
    public boolean hasCookie() {
        return value.startsWith(COOKIE_PREFIX);
    }

    @Override
    public int type() {
        return AttributeType.NONCE.code();
    }
}
