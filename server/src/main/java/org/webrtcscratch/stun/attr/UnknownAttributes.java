package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * UNKNOWN-ATTRIBUTES, RFC 8489 §14.9: in a 420 (Unknown Attribute) response, the comprehension-required types
 * the server did not understand.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Attribute 1 Type         |       Attribute 2 Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Attribute 3 Type         |       Attribute 4 Type    ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record UnknownAttributes(List<Integer> types) implements Attribute {

    public UnknownAttributes {
        types = List.copyOf(types);
        for (int type : types) {
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("attribute type %d is not 16 bits".formatted(type));
            }
        }
        if (types.size() * 2 > 0xFFFF) {
            throw new IllegalArgumentException(types.size() + " types do not fit one attribute");
        }
    }

    public static UnknownAttributes decode(AttributeValue value) {
        if (value.length() % 2 != 0) {
            throw value.error("value is %d bytes, not a whole number of 16-bit types".formatted(value.length()));
        }
        List<Integer> types = new ArrayList<>(value.length() / 2);
        for (int i = 0; i < value.length(); i += 2) {
            types.add(value.u16(i));
        }
        return new UnknownAttributes(types);
    }

    @Override
    public int type() {
        return AttributeType.UNKNOWN_ATTRIBUTES.code();
    }

    @Override
    public int valueLength() {
        return types.size() * 2;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        types.forEach(type -> out.putShort(type.shortValue()));
    }
}
