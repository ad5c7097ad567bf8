package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * REQUESTED-ADDRESS-FAMILY, RFC 8656 §18.6: the family of relayed address the client wants. The raw code is
 * kept so that an unknown one reaches the handler, which answers 440 (Address Family not Supported, §7.2).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Family       |            Reserved                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record RequestedAddressFamily(int familyCode) implements TurnAttribute {

    public RequestedAddressFamily {
        if (familyCode < 0 || familyCode > 0xFF) {
            throw new IllegalArgumentException("family %d is not 8 bits".formatted(familyCode));
        }
    }

    public static RequestedAddressFamily of(AddressFamily family) {
        return new RequestedAddressFamily(family.code());
    }

    public static RequestedAddressFamily decode(AttributeValue value) {
        value.requireLength(4);
        return new RequestedAddressFamily(value.u8(0));
    }

    /** The family, or empty for a code RFC 8656 does not define. */
    public Optional<AddressFamily> family() {
        return AddressFamily.of(familyCode);
    }

    @Override
    public int type() {
        return AttributeType.REQUESTED_ADDRESS_FAMILY.code();
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
