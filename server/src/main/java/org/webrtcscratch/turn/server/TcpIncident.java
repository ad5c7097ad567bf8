package org.webrtcscratch.turn.server;

/** What went wrong with, or was refused to, a STUN/TURN connection over TCP or TLS; counted for the metrics. */
public enum TcpIncident {
    /** accept() failed (out of descriptors, EMFILE, most often); the listener waits and tries again. */
    ACCEPT_FAILED,
    /** A connection from a source that holds its share already, closed as soon as it was accepted. */
    OVER_SOURCE_CAP,
    /** A connection without an allocation that said nothing for the idle timeout, closed. */
    IDLE_WITHOUT_ALLOCATION,
    /** A client that let more than its output budget pile up (it does not read), dropped. */
    OVER_OUTPUT_BUDGET,
    /** All TCP clients together held the total output budget: a slow one dropped, or a message for another. */
    OVER_TOTAL_OUTPUT_BUDGET
}
