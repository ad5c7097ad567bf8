package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable run of bytes with value equality, for attribute values that are opaque bytes (DATA, USERHASH,
 * the HMACs, unknown attributes). It keeps records free of mutable arrays and of hand-written equals.
 */
public final class ByteString {

    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ByteString copyOf(byte[] bytes) {
        return new ByteString(bytes.clone());
    }

    public static ByteString copyOf(byte[] bytes, int offset, int length) {
        return new ByteString(Arrays.copyOfRange(bytes, offset, Math.addExact(offset, length)));
    }

    /** The buffer's remaining bytes; its position is left alone. */
    public static ByteString copyOf(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(buffer.position(), copy);
        return new ByteString(copy);
    }

    /**
     * Takes the array without copying, for hot paths where the caller just filled it: the caller must not
     * touch it afterwards.
     */
    public static ByteString wrap(byte[] bytes) {
        return new ByteString(bytes);
    }

    public static ByteString fromHex(String hex) {
        return new ByteString(HexFormat.of().parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** A read-only view, no copy: what to hand to a channel's {@code send}/{@code write}. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    public void writeTo(ByteBuffer out) {
        out.put(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Hex, so that logs and assertion messages show the content. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
