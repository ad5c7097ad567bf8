package org.webrtcscratch.signaling;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * A peer in a room. Its session is null while its connection is away (dropped, within the resume window);
 * messages for it are then held, up to {@link #MAX_HELD}, and delivered when it resumes.
 */
final class Member {

    static final int MAX_HELD = 256;

    final String peerId;
    final String name;
    final String resumeToken;
    final Room room;
    private Session session;
    /** Made when a first message must be held: most peers never need it. */
    private Queue<String> held;
    private ScheduledFuture<?> expiry;
    private boolean retired;

    Member(String peerId, String name, String resumeToken, Room room, Session session) {
        this.peerId = peerId;
        this.name = name;
        this.resumeToken = resumeToken;
        this.room = room;
        this.session = session;
    }

    ServerMessage.PeerInfo info() {
        return new ServerMessage.PeerInfo(peerId, name);
    }


    /** Sends now, or holds the message while the peer is away (the oldest is dropped when full). */
    synchronized void deliver(String text) {
        if (session != null) {
            session.send(text);
            return;
        }
        if (held == null) {
            held = new ArrayDeque<>();
        }
        if (held.size() == MAX_HELD) {
            held.remove();
        }
        held.add(text);
    }

    /**
     * Marks the peer away if {@code from} is still its session, and starts its resume window; returns
     * whether it was (a session replaced by a resume has nothing to detach).
     */
    synchronized boolean detach(Session from, Supplier<ScheduledFuture<?>> startResumeWindow) {
        if (session != from) {
            return false;
        }
        session = null;
        expiry = startResumeWindow.get();
        return true;
    }

    /**
     * Gives the peer a new session (a resume): sends it {@code welcome}, then what was held while away, so
     * nothing overtakes them. A session still attached (the server had not noticed its drop yet) is let go
     * and closed. Returns false, sending nothing, if the peer has already left.
     */
    synchronized boolean attach(Session to, String welcome) {
        if (retired) {
            return false;
        }
        to.send(welcome);
        if (held != null) {
            held.forEach(to::send);
            held = null;
        }
        if (session != null) {
            session.member(null);
            session.connection.close(1000, "replaced by a resumed connection");
        }
        session = to;
        to.member(this);
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        return true;
    }

    /** Marks the peer as gone for good; true the first time only, so only one caller announces it. */
    synchronized boolean retire() {
        if (retired) {
            return false;
        }
        retired = true;
        return true;
    }

    /** {@link #retire()}, but only while the peer is still away (its resume window ran out). */
    synchronized boolean retireIfAway() {
        return session == null && retire();
    }
}
