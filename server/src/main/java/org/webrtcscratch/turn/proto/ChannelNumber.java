package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * CHANNEL-NUMBER, RFC 8656 §18.1: the channel a ChannelBind request binds. Any 16-bit number decodes; whether
 * it is in the allowed range is {@link #isValid()}, for the handler to answer 400 (RFC 8656 §11.2).
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

    /** In 0x4000-0x7FFF: RFC 8656 §12, widened to RFC 5766's range (see {@link ChannelData#MAX_CHANNEL_NUMBER}). */
    public boolean isValid() {
        return ChannelData.isValidChannelNumber(number);
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
