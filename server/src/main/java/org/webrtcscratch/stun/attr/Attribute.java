package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * One STUN attribute, RFC 8489 §14: a type-length-value, the value padded to 4 bytes on the wire.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type                  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Value (variable)                ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Each record knows its own value layout (like pion's AddTo/GetFrom); the encoder writes the header and the
 * padding. Attributes of STUN usages (TURN, ICE) live in their own packages as {@link ExtensionAttribute}s.
 */
public sealed interface Attribute
        permits AddressAttribute, TextAttribute, UserHash,
        MessageIntegrity, MessageIntegritySha256, Fingerprint, ErrorCode, UnknownAttributes,
        PasswordAlgorithm, PasswordAlgorithms, RawAttribute, ExtensionAttribute {

    /** The 16-bit type code. */
    int type();

    /** Length of the value in bytes, padding excluded: what goes in the attribute's Length field. */
    int valueLength();

    /**
     * Writes exactly {@link #valueLength()} bytes of value at the buffer's position.
     *
     * @param transactionId the enclosing message's, which the XOR-ed address attributes mix in
     */
    void writeValue(ByteBuffer out, TransactionId transactionId);
}
