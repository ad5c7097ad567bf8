package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * MESSAGE-INTEGRITY-SHA256, RFC 8489 §14.6: HMAC-SHA256 computed like MESSAGE-INTEGRITY. A sender may truncate
 * it to 16..32 bytes in steps of 4; this codec always sends 32 and verifies whatever length came.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |          HMAC-SHA256 (16 to 32 bytes, a multiple of 4)        |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record MessageIntegritySha256(ByteString hmac) implements Attribute {

    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 32;

    public MessageIntegritySha256 {
        int n = hmac.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH || n % 4 != 0) {
            throw new IllegalArgumentException(
                    "MESSAGE-INTEGRITY-SHA256 is 16 to 32 bytes in steps of 4, got " + n);
        }
    }

    public static MessageIntegritySha256 decode(AttributeValue value) {
        return new MessageIntegritySha256(value.byteString());
    }

    @Override
    public int type() {
        return AttributeType.MESSAGE_INTEGRITY_SHA256.code();
    }

    @Override
    public int valueLength() {
        return hmac.length();
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        hmac.writeTo(out);
    }
}
