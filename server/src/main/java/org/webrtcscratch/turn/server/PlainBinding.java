package org.webrtcscratch.turn.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.webrtcscratch.stun.MessageClass;
import org.webrtcscratch.stun.MessageType;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.StunMethod;
import org.webrtcscratch.stun.TransactionId;
import org.webrtcscratch.stun.attr.XorMappedAddress;

/**
 * The commonest request by far: a Binding with no attributes, as ICE agents send it to learn their
 * server-reflexive address (RFC 8489 §3). It is recognised from its 20 bytes and answered without being
 * decoded, which was most of what a Binding cost the server (decoding, the checks for attributes it cannot
 * have, and encoding twice while shedding SOFTWARE). The answer is the one the general path gives it:
 * XOR-MAPPED-ADDRESS alone, since {@link Responses} keeps an unauthenticated answer within twice the request's
 * size, unless a SOFTWARE name short enough to fit is configured ({@link Responses#softwareFitsBareBindingAnswer}).
 */
final class PlainBinding {

    private static final int REQUEST_TYPE = MessageType.of(StunMethod.BINDING, MessageClass.REQUEST).code();
    private static final MessageType SUCCESS = MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE);
    /** The transaction ID follows the type, length and magic cookie. */
    private static final int TRANSACTION_ID_OFFSET = 8;

    private PlainBinding() {
    }

    /** Whether the buffer's remaining bytes are a Binding request with no attributes. */
    static boolean matches(ByteBuffer packet) {
        int at = packet.position();
        return packet.remaining() == StunMessage.HEADER_SIZE
                && packet.getShort(at) == REQUEST_TYPE
                && packet.getShort(at + 2) == 0
                && packet.getInt(at + 4) == StunMessage.MAGIC_COOKIE;
    }

    /**
     * The success response to a request that {@link #matches}, for a client at {@code client}: the header and
     * XOR-MAPPED-ADDRESS written straight into one buffer (no encoder, no attribute list; the attribute's value is
     * written by the codec every XOR-MAPPED-ADDRESS uses).
     */
    static ByteBuffer answer(ByteBuffer request, InetSocketAddress client) {
        int at = request.position() + TRANSACTION_ID_OFFSET;
        TransactionId id = new TransactionId(request.getLong(at), request.getInt(at + Long.BYTES));
        XorMappedAddress mapped = new XorMappedAddress(client);
        int valueLength = mapped.valueLength(); // 8 or 20: a multiple of 4, so no padding
        ByteBuffer answer = ByteBuffer.allocate(StunMessage.HEADER_SIZE + 4 + valueLength)
                .putShort((short) SUCCESS.code())
                .putShort((short) (4 + valueLength))
                .putInt(StunMessage.MAGIC_COOKIE);
        id.writeTo(answer);
        answer.putShort((short) mapped.type()).putShort((short) valueLength);
        mapped.writeValue(answer, id);
        return answer.flip();
    }
}
