package org.webrtcscratch.turn.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes queued for TCP clients, against a total that all connections share. Thread-safe, lock-free. */
final class OutputBudget {

    private final long max;
    private final AtomicLong queued = new AtomicLong();

    OutputBudget(long max) {
        this.max = max;
    }

    /** Takes {@code bytes} from the budget if they fit. */
    boolean tryTake(int bytes) {
        long now;
        do {
            now = queued.get();
            if (now + bytes > max) {
                return false;
            }
        } while (!queued.compareAndSet(now, now + bytes));
        return true;
    }

    void giveBack(long bytes) {
        queued.addAndGet(-bytes);
    }

    long queued() {
        return queued.get();
    }
}
