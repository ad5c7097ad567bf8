package org.webrtcscratch.signaling;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * One peer's way in: its session, or null while it is away, and then what is held for it, up to
 * {@link #MAX_HELD}. Its lock orders "send now or hold" against a resume, and makes retiring happen once.
 */
final class Mailbox {

    static final int MAX_HELD = 256;

    private final Peer peer;
    private Session session;
    /** Made when a first message must be held: most peers never need it. */
    private Queue<String> held;
    private SignalingClock.Timer expiry;
    private boolean retired;

    Mailbox(Peer peer, Session session) {
        this.peer = peer;
        this.session = session;
    }

    synchronized Delivery.Outcome send(String text) {
        if (session != null) {
            session.send(text);
            return Delivery.Outcome.SENT;
        }
        if (held == null) {
            held = new ArrayDeque<>();
        }
        if (held.size() == MAX_HELD) {
            held.remove();
        }
        held.add(text);
        return Delivery.Outcome.HELD;
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
        int delivered = 0;
        if (held != null) {
            delivered = held.size();
            held.forEach(to::send);
            held = null;
        }
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
        return delivered;
    }

    synchronized boolean retire() {
        if (retired) {
            return false;
        }
        retired = true;
        return true;
    }

    synchronized boolean retireIfAway() {
        return session == null && retire();
    }
}
