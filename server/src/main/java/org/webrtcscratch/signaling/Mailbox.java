package org.webrtcscratch.signaling;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * One peer's way in: its session, or null while it is away, and then what is held for it, up to
 * {@link #MAX_HELD} messages and within the {@link HeldBacklog}'s bytes. Its lock orders "send now or hold"
 * against a resume, and makes retiring happen once.
 *
 * <p>A resumed peer gets its backlog through the connection's flow control: a batch of at most
 * {@link #BATCH_BYTES} (or one message), the next once the connection has written it. Written in one go, a
 * backlog of large messages went over the connection's queue limit and had the resumed connection dropped as a
 * slow reader. Until the backlog is out, new messages join it, so nothing overtakes it.
 */
final class Mailbox {

    static final int MAX_HELD = 256;
    /** Below every connection's queue limit (4 MiB at least), so a batch on a drained connection always fits. */
    static final int BATCH_BYTES = 256 * 1024;

    private final Peer peer;
    private final HeldBacklog budget;
    private Session session;
    /** Made when a first message must be held: most peers never need it. */
    private ArrayDeque<String> held;
    private SignalingClock.Timer expiry;
    private boolean retired;

    Mailbox(Peer peer, Session session, HeldBacklog budget) {
        this.peer = peer;
        this.session = session;
        this.budget = budget;
    }

    synchronized Delivery.Outcome send(String text) {
        if (session != null && held == null) {
            session.send(text);
            return Delivery.Outcome.SENT;
        }
        return hold(text) ? Delivery.Outcome.HELD : Delivery.Outcome.DROPPED;
    }

    /** Queues {@code text} behind what is held; false (counted) when the held messages' budget has no room. */
    private boolean hold(String text) {
        if (held == null) {
            held = new ArrayDeque<>();
        }
        if (held.size() == MAX_HELD) {
            budget.release(sizeOf(held.remove()));
            budget.countDropped();
        }
        if (!budget.hold(sizeOf(text))) {
            return false;
        }
        held.add(text);
        return true;
    }

    synchronized boolean detach(Session from, Supplier<SignalingClock.Timer> startResumeWindow) {
        if (session != from) {
            return false;
        }
        session = null;
        expiry = startResumeWindow.get();
        return true;
    }

    synchronized int attach(Session to, String welcome) {
        if (retired) {
            return -1;
        }
        to.send(welcome);
        int delivered = held == null ? 0 : held.size();
        if (session != null) {
            session.peer(null);
            session.connection.close(1000, "replaced by a resumed connection");
        }
        session = to;
        to.peer(peer);
        if (expiry != null) {
            expiry.cancel();
            expiry = null;
        }
        sendBatch(to);
        return delivered;
    }

    /**
     * Sends {@code to} the next batch of the backlog, and asks to be called again once it is written; stops when
     * the backlog is out, or {@code to} is no longer the peer's session (what is left waits for the next one).
     */
    private synchronized void sendBatch(Session to) {
        if (session != to || held == null) {
            return;
        }
        long batch = 0;
        while (!held.isEmpty() && (batch == 0 || batch + sizeOf(held.peek()) <= BATCH_BYTES)) {
            String text = held.remove();
            long size = sizeOf(text);
            batch += size;
            budget.release(size);
            to.send(text);
        }
        if (held.isEmpty()) {
            held = null;
            return;
        }
        to.connection.whenDrained(() -> sendBatch(to));
    }

    synchronized boolean retire() {
        if (retired) {
            return false;
        }
        retired = true;
        if (held != null) {
            held.forEach(text -> budget.release(sizeOf(text)));
            held = null;
        }
        return true;
    }

    synchronized boolean retireIfAway() {
        return session == null && retire();
    }

    /** What a held message takes: its UTF-8 bytes, as it will be sent. */
    private static long sizeOf(String text) {
        return SignalingService.utf8Length(text);
    }
}
