package org.webrtcscratch.turn.server;

/** What went wrong with, or was refused to, a STUN/TURN connection over TCP or TLS; counted for the metrics. */
public enum TcpIncident {
    /** accept() failed (out of descriptors, EMFILE, most often); the listener waits and tries again. */
    ACCEPT_FAILED
}
