package org.webrtcscratch.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a loop that keeps failing waits before it tries again: {@code initial} after the first failure,
 * doubled after each further one up to {@code max}, and nothing again once an attempt succeeds. An accept loop
 * out of descriptors (EMFILE) would otherwise spin, failing and logging as fast as a core allows. Not
 * thread-safe: one per loop.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current = Duration.ZERO;

    public Backoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** An attempt failed: how long to wait before the next. */
    public Duration failed() {
        current = current.isZero() ? initial : min(current.multipliedBy(2), max);
        return current;
    }

    /** An attempt succeeded: the next failure waits {@code initial} again. */
    public void succeeded() {
        current = Duration.ZERO;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
