package org.webrtcscratch.signaling;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Joins a minute per remote address: a token bucket of {@code joinsPerMinute}, refilled over a minute, for each
 * address that joined lately. One client with many connections walking room names is held to it, where the
 * per-connection rate let 60 connections try 900 names a second. Safe for concurrent use.
 */
final class AddressJoinRate {

    /** Past this many addresses, those whose bucket has refilled (quiet for a minute) are forgotten. */
    private static final int PRUNE_ABOVE = 4096;

    private final int joinsPerMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    AddressJoinRate(int joinsPerMinute, LongSupplier nanoTime) {
        this.joinsPerMinute = joinsPerMinute;
        this.nanoTime = nanoTime;
    }

    /** Takes one join for {@code address}; false (and counted) when it has none left. Null is never limited. */
    boolean tryJoin(String address) {
        if (address == null) {
            return true;
        }
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> {
                synchronized (bucket) {
                    return bucket.full();
                }
            });
        }
        TokenBucket bucket = buckets.computeIfAbsent(address,
                a -> new TokenBucket(joinsPerMinute / 60.0, joinsPerMinute, nanoTime));
        boolean taken;
        synchronized (bucket) {
            taken = bucket.tryTake();
        }
        if (!taken) {
            refused.increment();
        }
        return taken;
    }

    int joinsPerMinute() {
        return joinsPerMinute;
    }

    /** Joins refused so far. */
    long refused() {
        return refused.sum();
    }
}
