package org.webrtcscratch.stun.attr;

/**
 * REALM, RFC 8489 §14.9: names the long-term credential realm; its presence in a request means the client
 * wants long-term authentication.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Realm (UTF-8, fewer than 128 characters, at most 763 bytes) ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record Realm(String value) implements TextAttribute {

    public static final int MAX_BYTES = 763;

    public Realm {
        Utf8.require(value, MAX_BYTES, "REALM");
    }

    public static Realm decode(AttributeValue value) {
        return new Realm(value.utf8(0));
    }

    @Override
    public int type() {
        return AttributeType.REALM.code();
    }
}
