package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * An attribute of a type the decoder has no decoder for, kept as bytes so that it can be reported (420 with
 * UNKNOWN-ATTRIBUTES when comprehension-required) or relayed unchanged. RFC 8489 §14: types 0x0000-0x7FFF are
 * comprehension-required, 0x8000-0xFFFF comprehension-optional.
 */
public record RawAttribute(int type, ByteString value) implements Attribute {

    public RawAttribute {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("attribute type %d is not 16 bits".formatted(type));
        }
        if (value.length() > 0xFFFF) {
            throw new IllegalArgumentException("a value of %d bytes does not fit".formatted(value.length()));
        }
    }

    public static RawAttribute decode(AttributeValue value) {
        return new RawAttribute(value.type(), value.byteString());
    }

    public boolean isComprehensionRequired() {
        return AttributeType.isComprehensionRequired(type);
    }

    @Override
    public int valueLength() {
        return value.length();
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        value.writeTo(out);
    }
}
