package org.webrtcscratch.signaling;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides, per message, whether a connection is within its rate ({@link Verdict#ACCEPT}), over it
 * ({@link Verdict#DROP}, with {@link #shouldReport()} telling whether to answer with an error: at most one
 * a second), or has stayed over it for longer than the abuse allowance ({@link Verdict#CLOSE}).
 */
final class RateGuard {

    enum Verdict { ACCEPT, DROP, CLOSE }

    private static final long QUIET_NANOS = Duration.ofSeconds(1).toNanos();

    private final TokenBucket bucket;
    private final long abuseNanos;
    private final LongSupplier nanoTime;
    private long violatingSince = -1;
    private long lastViolation;
    private long lastReport = Long.MIN_VALUE / 2;
    private boolean report;

    RateGuard(double ratePerSecond, int burst, Duration abuse, LongSupplier nanoTime) {
        this.bucket = new TokenBucket(ratePerSecond, burst, nanoTime);
        this.abuseNanos = abuse.toNanos();
        this.nanoTime = nanoTime;
    }

    Verdict check() {
        long now = nanoTime.getAsLong();
        if (bucket.tryTake()) {
            if (violatingSince >= 0 && now - lastViolation > QUIET_NANOS) {
                violatingSince = -1;
            }
            return Verdict.ACCEPT;
        }
        if (violatingSince < 0) {
            violatingSince = now;
        }
        lastViolation = now;
        if (now - violatingSince >= abuseNanos) {
            return Verdict.CLOSE;
        }
        report = now - lastReport >= QUIET_NANOS;
        if (report) {
            lastReport = now;
        }
        return Verdict.DROP;
    }

    /** After a {@link Verdict#DROP}: whether this drop should be answered with a {@code rate-limited} error. */
    boolean shouldReport() {
        return report;
    }
}
