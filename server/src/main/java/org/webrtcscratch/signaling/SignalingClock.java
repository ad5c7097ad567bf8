package org.webrtcscratch.signaling;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Time as signaling sees it, given from outside: the wall clock for event times ({@link InstantSource}), a
 * monotonic clock for rates and a timer source for resume windows and the shutdown grace. Production runs
 * {@link SchedulerClock}; tests drive a manual one, so expiries happen when the test says, without sleeping.
 */
public interface SignalingClock extends InstantSource {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}, on a thread of the clock's choosing. */
    Timer schedule(Duration delay, Runnable task);

    /** Stops running timers; the service calls it when it has closed. */
    void stop();

    /** A scheduled task. */
    @FunctionalInterface
    interface Timer {
        /** Cancels the task if it has not run yet. */
        void cancel();
    }
}
