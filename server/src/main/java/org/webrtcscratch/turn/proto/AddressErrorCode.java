package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * ADDRESS-ERROR-CODE, RFC 8656 §18.12: in a dual allocation's success response, why the relayed address of one
 * family could not be allocated. It is ERROR-CODE with the family in the first byte.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Family       |    Rsvd             |Class|     Number        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reason Phrase (variable)                                ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record AddressErrorCode(AddressFamily family, ErrorCode error) implements TurnAttribute {

    public AddressErrorCode {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(error, "error");
    }

    public static AddressErrorCode decode(AttributeValue value) {
        ErrorCode error = ErrorCode.decode(value);
        int familyCode = value.u8(0);
        AddressFamily family = AddressFamily.of(familyCode)
                .orElseThrow(() -> value.error("unknown address family 0x%02x".formatted(familyCode)));
        return new AddressErrorCode(family, error);
    }

    @Override
    public int type() {
        return AttributeType.ADDRESS_ERROR_CODE.code();
    }

    @Override
    public int valueLength() {
        return error.valueLength();
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        int start = out.position();
        error.writeValue(out, transactionId);
        out.put(start, (byte) family.code());
    }
}
