package org.webrtcscratch.net;

import java.time.Duration;

/**
 * At most one log line per interval for something a client (or a flood) can make happen again and again, so
 * that it cannot fill the disk: the first occurrence is logged, the ones within the interval after it are only
 * counted, and the next line logged says how many were skipped. Time is passed in (monotonic nanoseconds).
 * Thread-safe.
 */
public final class LogThrottle {

    /** Returned by {@link #admit} when this occurrence is not to be logged. */
    public static final int SKIP = -1;

    private final long intervalNanos;
    private boolean started;
    private long nextNanos;
    private int skipped;

    public LogThrottle(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("log throttle interval must be positive, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Counts one occurrence at {@code nowNanos}.
     *
     * @return {@link #SKIP} when it is not to be logged, else how many were skipped since the last line
     */
    public synchronized int admit(long nowNanos) {
        if (started && nowNanos - nextNanos < 0) {
            skipped++;
            return SKIP;
        }
        started = true;
        nextNanos = nowNanos + intervalNanos;
        int skippedBefore = skipped;
        skipped = 0;
        return skippedBefore;
    }
}
