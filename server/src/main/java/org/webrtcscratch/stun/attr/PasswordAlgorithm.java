package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * PASSWORD-ALGORITHM, RFC 8489 §14.12: the algorithm the client chose for the long-term key, from the server's
 * PASSWORD-ALGORITHMS. The same layout is one entry of {@link PasswordAlgorithms} (§14.11), where each entry's
 * parameters are padded to 4 bytes.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Algorithm           |  Algorithm Parameters Length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Algorithm Parameters (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param algorithm  the IANA "STUN Password Algorithms" number
 * @param parameters empty for both algorithms RFC 8489 defines
 */
public record PasswordAlgorithm(int algorithm, ByteString parameters) implements Attribute {

    /** RFC 8489 §18.5: key = MD5(username ":" realm ":" password). */
    public static final PasswordAlgorithm MD5 = new PasswordAlgorithm(0x0001, ByteString.EMPTY);
    /** RFC 8489 §18.5: key = SHA-256(username ":" realm ":" password). */
    public static final PasswordAlgorithm SHA256 = new PasswordAlgorithm(0x0002, ByteString.EMPTY);

    public PasswordAlgorithm {
        if (algorithm < 0 || algorithm > 0xFFFF) {
            throw new IllegalArgumentException("algorithm %d is not 16 bits".formatted(algorithm));
        }
        if (parameters.length() > 0xFFFF - 8) {
            throw new IllegalArgumentException(parameters.length() + " bytes of parameters do not fit");
        }
    }

    public static PasswordAlgorithm decode(AttributeValue value) {
        PasswordAlgorithm read = readAt(value, 0);
        if (value.length() > read.entryLength()) {
            throw value.error("value is %d bytes, more than its %d-byte algorithm entry".formatted(
                    value.length(), read.entryLength()));
        }
        return read;
    }

    /** The entry at {@code index} of a PASSWORD-ALGORITHM(S) value. */
    static PasswordAlgorithm readAt(AttributeValue value, int index) {
        int parametersLength = value.u16(index + 2);
        return new PasswordAlgorithm(value.u16(index), ByteString.wrap(value.bytes(index + 4, parametersLength)));
    }

    /** Length as an entry of PASSWORD-ALGORITHMS: parameters padded to 4 bytes. */
    int entryLength() {
        return 4 + (parameters.length() + 3 & ~3);
    }

    @Override
    public int type() {
        return AttributeType.PASSWORD_ALGORITHM.code();
    }

    @Override
    public int valueLength() {
        return 4 + parameters.length();
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putShort((short) algorithm).putShort((short) parameters.length());
        parameters.writeTo(out);
    }

    void writeEntry(ByteBuffer out) {
        writeValue(out, null);
        for (int i = valueLength(); i < entryLength(); i++) {
            out.put((byte) 0);
        }
    }
}
