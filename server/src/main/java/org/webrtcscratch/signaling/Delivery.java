package org.webrtcscratch.signaling;

import java.util.function.Supplier;

/**
 * How to reach a peer: by its id, on its current connection, or holding messages while it is away (within its
 * resume window) to deliver them, in order, when it resumes. Also decides, once, that a peer is gone for good.
 * {@link Mailboxes} keeps this process's connections; membership is {@link Rooms}'s job.
 */
public interface Delivery {

    /** What became of a message. */
    /** Sent now; held (the peer is away, or its backlog is still going out); gone; dropped (no budget to hold it). */
    enum Outcome { SENT, HELD, GONE, DROPPED }

    /** Makes {@code peer} reachable on {@code session}; called as it joins, before anyone hears of it. */
    void open(Peer peer, Session session);

    /** Sends now, or holds the message while the peer is away (the oldest is dropped when too many are held). */
    Outcome send(String peerId, String text);

    /**
     * Marks the peer away if {@code from} is still its session and starts its resume window; returns whether
     * it was (a session replaced by a resume has nothing to detach).
     */
    boolean away(Peer peer, Session from, Supplier<SignalingClock.Timer> startResumeWindow);

    /**
     * Gives the peer a new session: sends it {@code welcome}, then what was held while away, so nothing
     * overtakes them; a session still attached (the server had not noticed its drop) is let go and closed with
     * 1000. Returns how many held messages were sent, or -1, sending nothing, if the peer has already gone.
     */
    int resume(Peer peer, Session to, String welcome);

    /** Marks the peer gone for good; true the first time only, so only one caller announces it. */
    boolean retire(Peer peer);

    /** {@link #retire}, but only while the peer is still away (its resume window ran out). */
    boolean retireIfAway(Peer peer);
}
