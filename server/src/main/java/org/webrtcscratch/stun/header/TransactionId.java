package org.webrtcscratch.stun.header;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The 96-bit transaction ID of RFC 8489 §6, held as two numbers so that it is a cheap value (equals and
 * hashCode come with the record): {@code high} is the first 8 bytes, {@code low} the last 4, big-endian.
 */
public record TransactionId(long high, int low) {

    /** Length on the wire. */
    public static final int SIZE = 12;

    /** A fresh ID; RFC 8489 §6 wants it "uniformly and randomly chosen", so pass a secure generator. */
    public static TransactionId random(RandomGenerator random) {
        return new TransactionId(random.nextLong(), random.nextInt());
    }

    /** The ID in {@code bytes[offset .. offset + 12)}. */
    public static TransactionId read(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, SIZE);
        return new TransactionId(buffer.getLong(), buffer.getInt());
    }

    /** Parses 24 hex digits, as {@link #toString()} prints them. */
    public static TransactionId fromHex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a transaction ID is 24 hex digits, got " + hex.length());
        }
        return read(bytes, 0);
    }

    public void writeTo(ByteBuffer out) {
        out.putLong(high).putInt(low);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        writeTo(buffer);
        return buffer.array();
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(toBytes());
    }
}
