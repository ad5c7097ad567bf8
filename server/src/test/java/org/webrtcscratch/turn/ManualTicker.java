package org.webrtcscratch.turn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Ticker} that ticks when the test says so, on the test's thread. */
public final class ManualTicker implements Ticker {

    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public synchronized Stop every(Duration period, Runnable task) {
        tasks.add(task);
        return () -> remove(task);
    }

    private synchronized void remove(Runnable task) {
        tasks.remove(task);
    }

    /** Runs every task once. */
    public void tick() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(tasks);
        }
        now.forEach(Runnable::run);
    }
}
