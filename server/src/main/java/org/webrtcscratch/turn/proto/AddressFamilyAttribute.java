package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * The layout REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.6) and ADDITIONAL-ADDRESS-FAMILY (§18.11) share: a family
 * byte and three reserved ones. The raw code is kept, so that a code RFC 8656 does not define reaches the
 * request's parse step, which decides the answer (440).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Family       |            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface AddressFamilyAttribute extends TurnAttribute
        permits RequestedAddressFamily, AdditionalAddressFamily {

    int VALUE_LENGTH = 4;

    int familyCode();

    /** The family, or empty for a code RFC 8656 does not define. */
    default Optional<AddressFamily> family() {
        return AddressFamily.of(familyCode());
    }

    @Override
    default int valueLength() {
        return VALUE_LENGTH;
    }

    @Override
    default void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putInt(familyCode() << 24);
    }

    /** For the records' constructors: the family is one byte. */
    static int requireByte(int familyCode) {
        if (familyCode < 0 || familyCode > 0xFF) {
            throw new IllegalArgumentException("family %d is not 8 bits".formatted(familyCode));
        }
        return familyCode;
    }

    /** For the records' decoders: the family code of a value of the right length. */
    static int readCode(AttributeValue value) {
        value.requireLength(VALUE_LENGTH);
        return value.u8(0);
    }
}
