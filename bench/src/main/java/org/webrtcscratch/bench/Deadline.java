package org.webrtcscratch.bench;

import java.time.Duration;

/** The time a benchmark may still use: every load loop checks it, so no run outlives its budget. */
public record Deadline(long endNanos) {

    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    public boolean passed() {
        return System.nanoTime() >= endNanos;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** The earlier of this deadline and {@code budget} from now. */
    public long nanosOrSooner(Duration budget) {
        return Math.min(endNanos, System.nanoTime() + budget.toNanos());
    }
}
