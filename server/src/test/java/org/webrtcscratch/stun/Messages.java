package org.webrtcscratch.stun;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.TransactionId;

/** Hand-made messages for decoder tests: a correct header around whatever body the test spells out. */
public final class Messages {

    public static final TransactionId ID = TransactionId.fromHex("000102030405060708090a0b");

    private Messages() {
    }

    /** A header with {@code typeCode}, the magic cookie and {@link #ID}, whose length field counts {@code body}. */
    public static byte[] withBody(int typeCode, String bodyHex) {
        byte[] body = Hex.bytes(bodyHex);
        ByteBuffer message = ByteBuffer.allocate(StunHeader.HEADER_SIZE + body.length)
                .putShort((short) typeCode)
                .putShort((short) body.length)
                .putInt(StunHeader.MAGIC_COOKIE);
        ID.writeTo(message);
        return message.put(body).array();
    }

    /** A Binding request with this body. */
    public static byte[] bindingRequest(String bodyHex) {
        return withBody(0x0001, bodyHex);
    }
}
