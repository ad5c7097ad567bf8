package org.webrtcscratch.signaling;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a peer that observes the server is shown beyond signaling: the TURN server's side of its call, plugged
 * in by the wiring so that signaling knows nothing of TURN. A watch starts when a peer sends
 * {@code observe {enabled: true}} and is closed when it stops, leaves or its connection closes.
 */
@FunctionalInterface
public interface Backstage {

    /** Nothing behind: this server runs no TURN server of its own. */
    Backstage NONE = (peerId, out) -> Watch.NOTHING;

    /**
     * Starts telling {@code out} what happens under {@code peerId}'s own credentials, and only those. {@code out}
     * may be called on any thread, must not be called under a lock {@link Watch#allocations} also takes, and
     * drops what comes after the watch is closed.
     */
    Watch watch(String peerId, Consumer<ServerSideEvent> out);

    /** One peer's watch. */
    interface Watch extends AutoCloseable {

        /** A watch on nothing. */
        Watch NOTHING = new Watch() {
            @Override
            public boolean watching() {
                return false;
            }

            @Override
            public List<?> allocations() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };

        /** Whether anything is behind it (false for {@link Backstage#NONE}). */
        boolean watching();

        /** What the peer holds now, for the snapshot: written as JSON as they are. */
        List<?> allocations();

        /** Stops telling; idempotent. */
        @Override
        void close();
    }
}
