package org.webrtcscratch.turn.event;

/**
 * Where the TURN server says what happened. Called on the thread that made the change, after it let go of its
 * locks, so a sink must be quick and must not block: count, enqueue or log, nothing more.
 */
@FunctionalInterface
public interface TurnEventSink {

    void on(TurnEvent event);
}
