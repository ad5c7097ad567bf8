package org.webrtcscratch.stun.attr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * A read-only view of one received attribute's value, handed to an {@link AttributeDecoder}. Every read is
 * bounds-checked against the value's length and fails with a {@link StunDecodeException} that names the
 * attribute and its offset, so a decoder cannot read past its value or throw anything else.
 */
public final class AttributeValue {

    private final byte[] message;
    private final int attributeOffset;
    private final int type;
    private final int length;
    private final StunHeader header;

    /**
     * @param message         the whole message
     * @param attributeOffset where the attribute's 4-byte header starts; its value must lie within the array
     * @param header          the enclosing message's header, for the transaction ID and for errors
     */
    public AttributeValue(byte[] message, int attributeOffset, StunHeader header) {
        this.message = message;
        this.attributeOffset = attributeOffset;
        this.type = (message[attributeOffset] & 0xFF) << 8 | message[attributeOffset + 1] & 0xFF;
        this.length = (message[attributeOffset + 2] & 0xFF) << 8 | message[attributeOffset + 3] & 0xFF;
        this.header = Objects.requireNonNull(header, "header");
        Objects.checkFromIndexSize(attributeOffset + 4, length, message.length);
    }

    public int type() {
        return type;
    }

    /** The value's length, padding excluded. */
    public int length() {
        return length;
    }

    public TransactionId transactionId() {
        return header.transactionId();
    }

    public int u8(int index) {
        return message[at(index, 1)] & 0xFF;
    }

    public int u16(int index) {
        int i = at(index, 2);
        return (message[i] & 0xFF) << 8 | message[i + 1] & 0xFF;
    }

    public int i32(int index) {
        return u16(index) << 16 | u16(index + 2);
    }

    public long i64(int index) {
        return (long) i32(index) << 32 | i32(index + 4) & 0xFFFF_FFFFL;
    }

    /** A copy of {@code count} bytes from {@code index}. */
    public byte[] bytes(int index, int count) {
        int i = at(index, count);
        return Arrays.copyOfRange(message, i, i + count);
    }

    /** A copy of the whole value. */
    public ByteString byteString() {
        return ByteString.wrap(bytes(0, length));
    }

    /** The value from {@code index} to its end, as UTF-8; malformed sequences become U+FFFD. */
    public String utf8(int index) {
        int i = at(index, length - index);
        return new String(message, i, length - index, StandardCharsets.UTF_8);
    }

    public void requireLength(int expected) {
        if (length != expected) {
            throw error("value is %d bytes, expected %d".formatted(length, expected));
        }
    }

    public void requireLength(int min, int max) {
        if (length < min || length > max) {
            throw error("value is %d bytes, expected %d to %d".formatted(length, min, max));
        }
    }

    /** An error about this attribute, to throw. */
    public StunDecodeException error(String why) {
        return new StunDecodeException(where(), why, header);
    }

    /** "attribute XOR-MAPPED-ADDRESS (0x0020) at offset 24". */
    public String where() {
        return where(type, attributeOffset);
    }

    /** The {@link org.webrtcscratch.stun.header.StunDecodeException#where()} for an attribute at an offset. */
    public static String where(int type, int attributeOffset) {
        return "attribute " + AttributeType.describe(type) + " at offset " + attributeOffset;
    }

    private int at(int index, int count) {
        if (index < 0 || count < 0 || index > length - count) {
            throw error("reads %d bytes at %d of a %d-byte value".formatted(count, index, length));
        }
        return attributeOffset + 4 + index;
    }
}
