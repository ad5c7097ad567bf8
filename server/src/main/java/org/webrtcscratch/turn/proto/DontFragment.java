package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * DONT-FRAGMENT, RFC 8656 §18.9: asks the server to set the DF bit on packets relayed to the peer. No value.
 */
public record DontFragment() implements TurnAttribute {

    public static DontFragment decode(AttributeValue value) {
        value.requireLength(0);
        return new DontFragment();
    }

    @Override
    public int type() {
        return AttributeType.DONT_FRAGMENT.code();
    }

    @Override
    public int valueLength() {
        return 0;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        // nothing: the attribute's presence is its meaning
    }
}
