package org.webrtcscratch.net;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.event.KeyValuePair;

/**
 * A per-source rate limit on log lines a client's input produces: a line carrying the key-value pair
 * {@link #SOURCE} (the client's address) is let through while that source has lines left in its bucket
 * ({@code linesPerMinute}, refilled over the minute), and dropped and counted after, so that one client opening
 * connections as fast as it can does not fill the disk. Lines without a source pass untouched. The most recently
 * heard {@link #TRACKED_SOURCES} sources are remembered. Thread-safe.
 */
public final class SourceLogFilter extends Filter<ILoggingEvent> {

    /** The key of the key-value pair that names the client a line is about. */
    public static final String SOURCE = "source";
    static final int TRACKED_SOURCES = 10_000;

    /** Lines dropped by every filter of this process: what {@code scratch_log_suppressed_total} counts. */
    private static final LongAdder SUPPRESSED = new LongAdder();

    private final double linesPerMinute;
    private final LongSupplier nanoTime;
    /** Lines left to a source, and when they were counted. */
    private static final class Bucket {
        double lines;
        long at;
    }

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > TRACKED_SOURCES;
        }
    };

    /** @param nanoTime monotonic nanoseconds */
    public SourceLogFilter(int linesPerMinute, LongSupplier nanoTime) {
        if (linesPerMinute < 1) {
            throw new IllegalArgumentException("log lines a minute per address must be at least 1, got "
                    + linesPerMinute);
        }
        this.linesPerMinute = linesPerMinute;
        this.nanoTime = nanoTime;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String source = sourceOf(event);
        if (source == null) {
            return FilterReply.NEUTRAL;
        }
        if (admit(source)) {
            return FilterReply.NEUTRAL;
        }
        SUPPRESSED.increment();
        return FilterReply.DENY;
    }

    /** Takes one line from {@code source}'s bucket, refilled at {@code linesPerMinute}. */
    private synchronized boolean admit(String source) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            bucket = new Bucket();
            bucket.lines = linesPerMinute;
            bucket.at = now;
            buckets.put(source, bucket);
        }
        bucket.lines = Math.min(linesPerMinute, bucket.lines + (now - bucket.at) * linesPerMinute / 60e9);
        bucket.at = now;
        if (bucket.lines >= 1) {
            bucket.lines -= 1;
            return true;
        }
        return false;
    }

    private static String sourceOf(ILoggingEvent event) {
        if (event.getKeyValuePairs() == null) {
            return null;
        }
        for (KeyValuePair pair : event.getKeyValuePairs()) {
            if (SOURCE.equals(pair.key) && pair.value != null) {
                return pair.value.toString();
            }
        }
        return null;
    }

    /** Log lines about a client dropped by the per-source limit, over the whole process. */
    public static long suppressed() {
        return SUPPRESSED.sum();
    }
}
