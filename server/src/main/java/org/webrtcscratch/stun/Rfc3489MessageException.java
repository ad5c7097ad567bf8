package org.webrtcscratch.stun;

import java.util.HexFormat;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunDecodeException;

/**
 * A well-formed header without the magic cookie: a "classic" RFC 3489 client. RFC 8489 §11 lets a server
 * answer such a Binding request by echoing the whole 128-bit transaction ID (which includes what would be the
 * cookie) with a MAPPED-ADDRESS; this codec does not decode the body, but keeps what an answer would need.
 */
public final class Rfc3489MessageException extends StunDecodeException {

    private final transient MessageType type;
    private final byte[] transactionId;

    public Rfc3489MessageException(MessageType type, byte[] transactionId) {
        super("header/magic cookie",
                "no magic cookie 0x2112a442: an RFC 3489 message, which this codec does not decode");
        this.type = type;
        this.transactionId = transactionId.clone();
    }

    public MessageType type() {
        return type;
    }

    /** The 16 bytes after the length field: the RFC 3489 transaction ID. */
    public byte[] transactionId() {
        return transactionId.clone();
    }

    @Override
    public String toString() {
        return super.toString() + " [" + type + ", transaction " + HexFormat.of().formatHex(transactionId) + "]";
    }
}
