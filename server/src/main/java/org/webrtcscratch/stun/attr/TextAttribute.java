package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/** The attributes whose whole value is one UTF-8 string; they differ only in type and length limit. */
public sealed interface TextAttribute extends Attribute permits Username, Realm, Nonce, Software {

    String value();

    @Override
    default int valueLength() {
        return Utf8.bytes(value()).length;
    }

    @Override
    default void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.put(Utf8.bytes(value()));
    }
}
