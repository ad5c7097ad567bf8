package org.webrtcscratch.bench.signaling;

import org.webrtcscratch.bench.ws.WsConnection;

/** One simulated browser's signaling connection and what the load modes keep about it. */
final class SignalingClient {

    final int index;
    final String clientId;
    /** The room (ours) it joins; PeerJS has no rooms. */
    final String group;
    WsConnection connection;
    String peerId;
    SignalingClient partner;
    /** Signals this client sent that its partner has not received yet. */
    int inFlight;
    long nextSeq;

    SignalingClient(int index, String clientId, String group) {
        this.index = index;
        this.clientId = clientId;
        this.group = group;
    }

    boolean registered() {
        return peerId != null && connection != null && connection.isOpen();
    }
}
