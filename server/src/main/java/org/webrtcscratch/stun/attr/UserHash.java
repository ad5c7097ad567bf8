package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * USERHASH, RFC 8489 §14.4: SHA-256(OpaqueString(username) ":" OpaqueString(realm)), sent in place of USERNAME
 * when the server offered username anonymity.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                     Userhash (32 bytes)                       |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record UserHash(ByteString hash) implements Attribute {

    public static final int LENGTH = 32;

    public UserHash {
        if (hash.length() != LENGTH) {
            throw new IllegalArgumentException("USERHASH is %d bytes, got %d".formatted(LENGTH, hash.length()));
        }
    }

    public static UserHash decode(AttributeValue value) {
        value.requireLength(LENGTH);
        return new UserHash(value.byteString());
    }

    @Override
    public int type() {
        return AttributeType.USERHASH.code();
    }

    @Override
    public int valueLength() {
        return LENGTH;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        hash.writeTo(out);
    }
}
