package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * ADDITIONAL-ADDRESS-FAMILY, RFC 8656 §18.11: asks for a second, IPv6 relayed address besides the IPv4 one
 * (dual allocation, §7.2). Laid out like REQUESTED-ADDRESS-FAMILY; only IPv6 is valid, which the handler checks
 * (400 otherwise), so the raw code is kept.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Family       |            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record AdditionalAddressFamily(int familyCode) implements TurnAttribute {

    public AdditionalAddressFamily {
        if (familyCode < 0 || familyCode > 0xFF) {
            throw new IllegalArgumentException("family %d is not 8 bits".formatted(familyCode));
        }
    }

    public static AdditionalAddressFamily of(AddressFamily family) {
        return new AdditionalAddressFamily(family.code());
    }

    public static AdditionalAddressFamily decode(AttributeValue value) {
        value.requireLength(4);
        return new AdditionalAddressFamily(value.u8(0));
    }

    public Optional<AddressFamily> family() {
        return AddressFamily.of(familyCode);
    }

    @Override
    public int type() {
        return AttributeType.ADDITIONAL_ADDRESS_FAMILY.code();
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putInt(familyCode << 24);
    }
}
