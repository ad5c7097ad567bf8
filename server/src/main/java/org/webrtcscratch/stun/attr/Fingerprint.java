package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * FINGERPRINT, RFC 8489 §14.7: CRC-32 of the message up to this attribute (length field counting it), XOR-ed with
 * 0x5354554e so that it differs from a CRC another protocol might put at the same place. It must be last.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  CRC-32 XOR 0x5354554e                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param value the 32 bits as on the wire (already XOR-ed)
 */
public record Fingerprint(int value) implements Attribute {

    public static final int LENGTH = 4;
    /** "STUN" in ASCII. */
    public static final int XOR_VALUE = 0x5354554E;

    public static Fingerprint decode(AttributeValue value) {
        value.requireLength(LENGTH);
        return new Fingerprint(value.i32(0));
    }

    /** The fingerprint of the buffer's remaining bytes (consumed): the message up to the FINGERPRINT attribute. */
    public static Fingerprint of(ByteBuffer messagePrefix) {
        CRC32 crc = new CRC32();
        crc.update(messagePrefix);
        return new Fingerprint((int) crc.getValue() ^ XOR_VALUE);
    }

    @Override
    public int type() {
        return AttributeType.FINGERPRINT.code();
    }

    @Override
    public int valueLength() {
        return LENGTH;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putInt(value);
    }
}
