package org.webrtcscratch.turn.allocation;

import java.time.Instant;

/**
 * Caps the bytes relayed per second in one direction of one allocation. A token bucket that holds one
 * second's worth of bytes (at least one largest datagram, so no single datagram is always refused), kept
 * in its GCRA form: one timestamp, the "theoretical arrival time" the bucket would be empty at, instead of
 * a token count and a refill time.
 *
 * <p>Synchronized: each direction is driven by one relay thread in practice, so the lock is uncontended.
 */
final class BandwidthLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int LARGEST_DATAGRAM = 65_535;

    private final long bytesPerSecond;
    private final long toleranceNanos;
    private long emptyAtNanos = Long.MIN_VALUE;

    BandwidthLimiter(long bytesPerSecond) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bandwidth cap must be at least 1 byte/s, got " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.toleranceNanos = Math.max(NANOS_PER_SECOND, costNanos(LARGEST_DATAGRAM));
    }

    /** Takes {@code bytes} from the bucket if they fit, and says whether they did. */
    synchronized boolean tryConsume(int bytes, Instant now) {
        long nowNanos = now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
        long emptyAfter = Math.max(emptyAtNanos, nowNanos) + costNanos(bytes);
        if (emptyAfter - nowNanos > toleranceNanos) {
            return false;
        }
        emptyAtNanos = emptyAfter;
        return true;
    }

    private long costNanos(int bytes) {
        return bytes * NANOS_PER_SECOND / bytesPerSecond;
    }
}
