package org.webrtcscratch.turn;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What tells the server to look at the clock again: the sweep of expired allocations. The injected clock decides
 * what has expired; the ticker only decides when to look, so a test can tick by hand instead of waiting for a
 * thread.
 */
@FunctionalInterface
public interface Ticker {

    /** Runs {@code task} every {@code period}, the first time after one period, until the handle is closed. */
    Stop every(Duration period, Runnable task);

    /** Ends the ticking. */
    @FunctionalInterface
    interface Stop extends AutoCloseable {

        @Override
        void close();
    }

    /** Ticks on a daemon platform thread of its own. */
    static Ticker thread(String name) {
        return (period, task) -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name(name).factory());
            executor.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
            return executor::shutdownNow;
        };
    }
}
