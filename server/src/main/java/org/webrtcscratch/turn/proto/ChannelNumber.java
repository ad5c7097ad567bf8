package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * CHANNEL-NUMBER, RFC 8656 §18.1: the channel a ChannelBind request binds. Any 16-bit number decodes; one outside
 * the allowed range ({@link ChannelData#isValidChannelNumber}) is the ChannelBind's to refuse with 400
 * (RFC 8656 §12.2).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Channel Number         |         RFFU = 0              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ChannelNumber(int number) implements TurnAttribute {

    public ChannelNumber {
        if (number < 0 || number > 0xFFFF) {
            throw new IllegalArgumentException("channel number %d is not 16 bits".formatted(number));
        }
    }

    public static ChannelNumber decode(AttributeValue value) {
        value.requireLength(4);
        return new ChannelNumber(value.u16(0));
    }

    @Override
    public int type() {
        return AttributeType.CHANNEL_NUMBER.code();
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putShort((short) number).putShort((short) 0);
    }
}
