package org.webrtcscratch.turn.allocation;

import java.time.Duration;
import java.util.List;

/** The checks TURN's settings share, each adding what is wrong to a list, so one message can name every problem. */
public final class Problems {

    private Problems() { }

    public static void requirePositive(List<String> problems, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(name + " must be positive, got " + value);
        }
    }

    public static void requireAtLeastOne(List<String> problems, String name, int value) {
        if (value < 1) {
            problems.add(name + " must be at least 1, got " + value);
        }
    }

    /** Throws an {@link IllegalArgumentException} naming every problem, if there is one. */
    public static void throwIfAny(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + ": " + String.join("; ", problems));
        }
    }
}
