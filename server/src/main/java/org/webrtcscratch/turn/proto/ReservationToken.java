package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * RESERVATION-TOKEN, RFC 8656 §18.10: names a relayed port the server kept back after an EVEN-PORT request with
 * R set; a later Allocate presents it to get that port.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                        Token (8 bytes)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ReservationToken(long token) implements TurnAttribute {

    public static ReservationToken decode(AttributeValue value) {
        value.requireLength(8);
        return new ReservationToken(value.i64(0));
    }

    @Override
    public int type() {
        return AttributeType.RESERVATION_TOKEN.code();
    }

    @Override
    public int valueLength() {
        return 8;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putLong(token);
    }
}
