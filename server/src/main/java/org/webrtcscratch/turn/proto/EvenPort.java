package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * EVEN-PORT, RFC 8656 §18.7: asks for an even relayed port and, with R set, to reserve the next port too
 * (for RTP/RTCP pairs). One byte of value, padded.
 * <pre>
 *  0
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |R|    RFFU     |
 * +-+-+-+-+-+-+-+-+
 * </pre>
 */
public record EvenPort(boolean reserveNextPort) implements TurnAttribute {

    private static final int R_BIT = 0x80;

    public static EvenPort decode(AttributeValue value) {
        value.requireLength(1);
        return new EvenPort((value.u8(0) & R_BIT) != 0);
    }

    @Override
    public int type() {
        return AttributeType.EVEN_PORT.code();
    }

    @Override
    public int valueLength() {
        return 1;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.put((byte) (reserveNextPort ? R_BIT : 0));
    }
}
