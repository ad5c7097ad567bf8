package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * DATA, RFC 8656 §18.4: the application payload of a Send or Data indication, relayed as is.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Application Data (variable)             ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record Data(ByteString value) implements TurnAttribute {

    public Data {
        if (value.length() > 0xFFFF) {
            throw new IllegalArgumentException("DATA of %d bytes does not fit".formatted(value.length()));
        }
    }

    public static Data decode(AttributeValue value) {
        return new Data(value.byteString());
    }

    @Override
    public int type() {
        return AttributeType.DATA.code();
    }

    @Override
    public int valueLength() {
        return value.length();
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        value.writeTo(out);
    }
}
