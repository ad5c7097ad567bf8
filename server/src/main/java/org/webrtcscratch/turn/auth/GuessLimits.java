package org.webrtcscratch.turn.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link GuessThrottle} slows down password guessing.
 *
 * @param failures       wrong credentials a source (or a username) may send before it is locked out
 * @param firstLockout   the first lockout; each further failure after a lockout doubles the next one
 * @param maxLockout     the longest lockout of a source
 * @param maxUserLockout the longest lockout of a username, for sources that have not used it successfully
 *                       before: shorter, since guesses from many addresses would otherwise lock its owner out
 * @param trackedKeys    sources and usernames remembered, each; bounds the memory
 */
public record GuessLimits(int failures, Duration firstLockout, Duration maxLockout, Duration maxUserLockout,
        int trackedKeys) {

    /** 10 failures, then 1 s doubling up to 15 min for a source and 1 min for a username; 10,000 of each kept. */
    public static final GuessLimits DEFAULTS = new GuessLimits(10, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofMinutes(1), 10_000);

    public GuessLimits {
        Objects.requireNonNull(firstLockout, "firstLockout");
        Objects.requireNonNull(maxLockout, "maxLockout");
        Objects.requireNonNull(maxUserLockout, "maxUserLockout");
    }

    /** What is wrong with these limits, one sentence each; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (failures < 1) {
            problems.add("auth failures before a lockout must be at least 1, got " + failures);
        }
        if (trackedKeys < 1) {
            problems.add("auth tracked sources must be at least 1, got " + trackedKeys);
        }
        if (firstLockout.isNegative() || firstLockout.isZero()) {
            problems.add("auth lockout must be positive, got " + firstLockout);
        }
        if (maxLockout.compareTo(firstLockout) < 0 || maxUserLockout.compareTo(firstLockout) < 0) {
            problems.add("auth maximum lockouts (" + maxLockout + ", user " + maxUserLockout
                    + ") must be at least the first lockout " + firstLockout);
        }
        return problems;
    }
}
