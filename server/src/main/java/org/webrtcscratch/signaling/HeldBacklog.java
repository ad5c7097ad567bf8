package org.webrtcscratch.signaling;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/**
 * The bytes held for peers that are away within their resume window, drawn from the same budget as the bytes
 * waiting to be sent to connections (the transport's, passed in as {@code reserve} and {@code release}): a
 * held backlog is memory a slow reader could otherwise take. A message the budget has no room for is not held
 * (counted in {@link #dropped()}); the peer catches up on the call's state with an ICE restart after it
 * resumes, as it does when more than {@link Mailbox#MAX_HELD} messages came while it was away. Thread-safe.
 */
public final class HeldBacklog {

    private final LongPredicate reserve;
    private final LongConsumer release;
    private final AtomicLong bytes = new AtomicLong();
    private final LongAdder dropped = new LongAdder();

    /** @param reserve takes bytes from the shared budget, false when it has no room; {@code release} gives back */
    public HeldBacklog(LongPredicate reserve, LongConsumer release) {
        this.reserve = reserve;
        this.release = release;
    }

    /** A budget of {@code total} bytes of its own. */
    public static HeldBacklog bounded(long total) {
        AtomicLong used = new AtomicLong();
        return new HeldBacklog(n -> {
            if (used.addAndGet(n) > total) {
                used.addAndGet(-n);
                return false;
            }
            return true;
        }, n -> used.addAndGet(-n));
    }

    /** Takes {@code size} bytes for a message to hold; false (and counted) when the budget has no room. */
    boolean hold(long size) {
        if (!reserve.test(size)) {
            dropped.increment();
            return false;
        }
        bytes.addAndGet(size);
        return true;
    }

    /** A held message was sent on, or dropped: its bytes go back. */
    void release(long size) {
        bytes.addAndGet(-size);
        release.accept(size);
    }

    /** A held message went for room (the oldest of a full mailbox): counted. */
    void countDropped() {
        dropped.increment();
    }

    /** Bytes held now for peers that are away, or whose backlog is still going out. */
    public long bytes() {
        return bytes.get();
    }

    /** Messages not held, or let go, for lack of room (in the budget, or in a peer's {@link Mailbox#MAX_HELD}). */
    public long dropped() {
        return dropped.sum();
    }
}
