package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * ICMP, RFC 8656 §18.13: in a Data indication, an ICMP error the server received from the peer's direction.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Reserved                     |  ICMP Type    |  ICMP Code    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Error Data                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param errorData the MTU for "fragmentation needed" / "packet too big", zero otherwise
 */
public record Icmp(int icmpType, int icmpCode, int errorData) implements TurnAttribute {

    public Icmp {
        if (icmpType < 0 || icmpType > 0xFF || icmpCode < 0 || icmpCode > 0xFF) {
            throw new IllegalArgumentException("ICMP type %d and code %d must be 8 bits".formatted(icmpType, icmpCode));
        }
    }

    public static Icmp decode(AttributeValue value) {
        value.requireLength(8);
        return new Icmp(value.u8(2), value.u8(3), value.i32(4));
    }

    @Override
    public int type() {
        return AttributeType.ICMP.code();
    }

    @Override
    public int valueLength() {
        return 8;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putShort((short) 0).put((byte) icmpType).put((byte) icmpCode).putInt(errorData);
    }
}
