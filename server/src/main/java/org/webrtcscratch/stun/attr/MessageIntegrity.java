package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * MESSAGE-INTEGRITY, RFC 8489 §14.5: HMAC-SHA1 over the message up to this attribute, with the header's length
 * field counting up to and including it. Verify with {@code Integrity}, build with {@code StunEncoder}; the
 * record only carries the received value.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                   HMAC-SHA1 (20 bytes)                        |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record MessageIntegrity(ByteString hmac) implements Attribute {

    public static final int LENGTH = 20;

    public MessageIntegrity {
        if (hmac.length() != LENGTH) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes, got " + hmac.length());
        }
    }

    public static MessageIntegrity decode(AttributeValue value) {
        value.requireLength(LENGTH);
        return new MessageIntegrity(value.byteString());
    }

    @Override
    public int type() {
        return AttributeType.MESSAGE_INTEGRITY.code();
    }

    @Override
    public int valueLength() {
        return LENGTH;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        hmac.writeTo(out);
    }
}
