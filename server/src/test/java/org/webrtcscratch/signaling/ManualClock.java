package org.webrtcscratch.signaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/** A {@link SignalingClock} that moves only when the test says: timers run inside {@link #advance}, in due order. */
final class ManualClock implements SignalingClock {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private record Task(long due, long order, Runnable run) { }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(
            Comparator.comparingLong(Task::due).thenComparingLong(Task::order));
    private long nanos;
    private long scheduled;
    private boolean stopped;

    @Override
    public synchronized Instant instant() {
        return START.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable run) {
        Task task = new Task(nanos + delay.toNanos(), scheduled++, run);
        if (!stopped) {
            tasks.add(task);
        }
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        tasks.clear();
    }

    /** Moves time on by {@code duration}, running each timer that falls due, at its due time, on this thread. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = nanos + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due() > target) {
                    nanos = target;
                    return;
                }
                tasks.remove();
                nanos = next.due();
            }
            next.run().run(); // outside the lock, as a scheduler thread would run it
        }
    }

    synchronized int pendingTimers() {
        return tasks.size();
    }

    synchronized boolean stopped() {
        return stopped;
    }
}
