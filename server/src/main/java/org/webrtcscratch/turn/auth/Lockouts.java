package org.webrtcscratch.turn.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed attempts per key (a source, a username) and the lockout they earned: the {@code failures}-th failure
 * locks the key for {@code firstLockout}, and each one after it for twice as long as the one before, at most
 * {@code maxLockout}. While locked, attempts are refused unchecked, so they count for nothing: a guesser gets
 * one guess per lockout. A key that has not failed for twice {@code maxLockout} starts over, and so does one
 * that succeeds. At most {@code trackedKeys} keys are kept, the least recently used evicted first. Not thread-safe:
 * {@link GuessThrottle} holds the lock.
 */
final class Lockouts<K> {

    private static final class Record {
        int failures;
        Instant lastFailure;
        Instant lockedUntil = Instant.MIN;
    }

    /** Past this many doublings any sane lockout has reached its maximum (and a Duration could overflow). */
    private static final int MAX_DOUBLINGS = 30;

    private final int failures;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final LinkedHashMap<K, Record> records;

    Lockouts(int failures, Duration firstLockout, Duration maxLockout, int trackedKeys) {
        this.failures = failures;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.records = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Record> eldest) {
                return size() > trackedKeys;
            }
        };
    }

    /** How long {@code key} stays locked, if it is locked at {@code now}. */
    Optional<Duration> lockedFor(K key, Instant now) {
        Record record = records.get(key);
        if (record == null || !now.isBefore(record.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, record.lockedUntil));
    }

    /** Counts a failure; returns the lockout it starts, if it starts one. */
    Optional<Duration> failed(K key, Instant now) {
        Record record = records.computeIfAbsent(key, k -> new Record());
        if (record.lastFailure != null && !now.isBefore(record.lastFailure.plus(maxLockout).plus(maxLockout))) {
            record.failures = 0;
        }
        record.failures++;
        record.lastFailure = now;
        int past = record.failures - failures + 1;
        if (past < 1) {
            return Optional.empty();
        }
        Duration lockout = past > MAX_DOUBLINGS ? maxLockout : min(firstLockout.multipliedBy(1L << (past - 1)), maxLockout);
        record.lockedUntil = now.plus(lockout);
        return Optional.of(lockout);
    }

    void succeeded(K key) {
        records.remove(key);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
