package org.webrtcscratch.bench.stats;

import org.HdrHistogram.Histogram;

/**
 * Latencies recorded in nanoseconds (3 significant digits, up to 60 s), read back in microseconds. A thin
 * wrapper over HdrHistogram so the benchmarks speak in the units they print.
 */
public final class LatencyHistogram {

    private static final long MAX_TRACKABLE_NANOS = 60_000_000_000L;

    private final Histogram histogram = new Histogram(1, MAX_TRACKABLE_NANOS, 3);

    /** Records one latency; negative values (clock steps) count as 0, values over 60 s as 60 s. */
    public void recordNanos(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 1), MAX_TRACKABLE_NANOS));
    }

    public void add(LatencyHistogram other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at {@code percentile} (0–100) in microseconds, or NaN when nothing was recorded. */
    public double percentileMicros(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double meanMicros() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1_000.0;
    }

    public void reset() {
        histogram.reset();
    }

    /** p50/p99/p99.9 in one record, the way every table prints them. */
    public Percentiles percentiles() {
        return new Percentiles(percentileMicros(50), percentileMicros(99), percentileMicros(99.9), count());
    }

    /** Percentiles in microseconds. */
    public record Percentiles(double p50Micros, double p99Micros, double p999Micros, long count) { }
}
