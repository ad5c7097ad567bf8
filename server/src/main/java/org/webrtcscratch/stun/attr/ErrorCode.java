package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * ERROR-CODE, RFC 8489 §14.8: a code 300..699, sent as its hundreds digit (Class) and the rest (Number), with a
 * human-readable reason.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved, should be 0         |Class|     Number    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reason Phrase (variable)                                ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ErrorCode(int code, String reason) implements Attribute {

    public static final int MIN_CODE = 300;
    public static final int MAX_CODE = 699;
    public static final int MAX_REASON_BYTES = 763;

    public ErrorCode {
        if (code < MIN_CODE || code > MAX_CODE) {
            throw new IllegalArgumentException("error code %d outside 300..699".formatted(code));
        }
        Utf8.require(reason, MAX_REASON_BYTES, "ERROR-CODE reason");
    }

    /** The code with the registry's reason phrase. */
    public static ErrorCode of(StunErrorCode error) {
        return new ErrorCode(error.code(), error.reason());
    }

    /**
     * Reads Class, Number and reason from bytes 2 onwards; bytes 0 and 1 are reserved here but carry the family
     * in ADDRESS-ERROR-CODE, which shares this layout.
     */
    public static ErrorCode decode(AttributeValue value) {
        value.requireLength(4, 4 + MAX_REASON_BYTES);
        int errorClass = value.u8(2) & 0x07;
        int number = value.u8(3);
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw value.error("class %d and number %d do not make a code in 300..699".formatted(errorClass, number));
        }
        return new ErrorCode(errorClass * 100 + number, value.utf8(4));
    }

    /** The registered code, when the registry has this one. */
    public Optional<StunErrorCode> known() {
        return Optional.ofNullable(StunErrorCode.of(code));
    }

    @Override
    public int type() {
        return AttributeType.ERROR_CODE.code();
    }

    @Override
    public int valueLength() {
        return 4 + Utf8.bytes(reason).length;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putShort((short) 0).put((byte) (code / 100)).put((byte) (code % 100)).put(Utf8.bytes(reason));
    }
}
