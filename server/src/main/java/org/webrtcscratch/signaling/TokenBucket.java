package org.webrtcscratch.signaling;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens added a second, at most {@code burst} kept. Not thread-safe:
 * each connection owns one, and a connection's messages arrive one at a time.
 */
final class TokenBucket {

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, int burst, LongSupplier nanoTime) {
        this.tokensPerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes one token if there is one. */
    boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket has refilled to its burst: its owner has been quiet long enough to be forgotten. */
    boolean full() {
        return Math.min(burst, tokens + (nanoTime.getAsLong() - updatedAt) * tokensPerNano) >= burst;
    }
}
