package org.webrtcscratch.turn.allocation;

import java.util.EnumMap;
import java.util.Map;

/** A datagram the relay discards, in either direction. */
public record Dropped(DropReason reason) implements ClientToPeer, PeerToClient {

    private static final Map<DropReason, Dropped> BY_REASON = new EnumMap<>(DropReason.class);

    static {
        for (DropReason reason : DropReason.values()) {
            BY_REASON.put(reason, new Dropped(reason));
        }
    }

    /** The shared instance for {@code reason}, so dropping allocates nothing. */
    public static Dropped of(DropReason reason) {
        return BY_REASON.get(reason);
    }
}
