package org.webrtcscratch.turn;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand, so expiry is tested without sleeping. */
public final class SettableClock implements InstantSource {

    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    public static SettableClock atEpochSecond(long seconds) {
        return new SettableClock(Instant.ofEpochSecond(seconds));
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }

    public void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }
}
