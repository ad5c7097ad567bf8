package org.webrtcscratch.signaling;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a peer left its room, as told to the others in {@code peer-left}. */
public enum LeaveReason {
    /** It said {@code leave}, or closed its page (close code 1000 or 1001). */
    LEFT("left"),
    /** Its connection dropped and it did not resume within the resume window. */
    DISCONNECTED("disconnected");

    private final String wire;

    LeaveReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
