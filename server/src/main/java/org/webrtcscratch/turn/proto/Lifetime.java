package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * LIFETIME, RFC 8656 §18.2: seconds until the allocation expires if not refreshed (0 in a Refresh deletes it).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Lifetime (seconds)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param seconds unsigned 32 bits
 */
public record Lifetime(long seconds) implements TurnAttribute {

    public static final long MAX_SECONDS = 0xFFFF_FFFFL;

    public Lifetime {
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("lifetime %d s is not an unsigned 32-bit number".formatted(seconds));
        }
    }

    /** Whole seconds of {@code duration}, the rest dropped. */
    public static Lifetime of(Duration duration) {
        return new Lifetime(duration.toSeconds());
    }

    public static Lifetime decode(AttributeValue value) {
        value.requireLength(4);
        return new Lifetime(Integer.toUnsignedLong(value.i32(0)));
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    @Override
    public int type() {
        return AttributeType.LIFETIME.code();
    }

    @Override
    public int valueLength() {
        return 4;
    }

    @Override
    public void writeValue(ByteBuffer out, TransactionId transactionId) {
        out.putInt((int) seconds);
    }
}
