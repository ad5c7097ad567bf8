package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * REQUESTED-TRANSPORT, RFC 8656 §18.8: the IP protocol number of the relayed transport. Any number decodes;
 * the Allocate's parse step answers 442 (Unsupported Transport Protocol) for what it does not relay (§7.2).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Protocol   |                    RFFU                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record RequestedTransport(int protocol) implements TurnAttribute {

    /** IANA protocol number of UDP, the only transport RFC 8656 relays. */
    public static final int PROTOCOL_UDP = 17;
    public static final RequestedTransport UDP = new RequestedTransport(PROTOCOL_UDP);

    public RequestedTransport {
        if (protocol < 0 || protocol > 0xFF) {
            throw new IllegalArgumentException("protocol %d is not 8 bits".formatted(protocol));
        }
    }

    public static RequestedTransport decode(AttributeValue value) {
        value.requireLength(4);
        return new RequestedTransport(value.u8(0));
    }

    @Override
    public int type() {
        return AttributeType.REQUESTED_TRANSPORT.code();
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putInt(protocol << 24);
    }
}
