package org.webrtcscratch.turn.allocation;

import java.time.Duration;

/** The answer to a Refresh request (RFC 8656 §8.2): the new lifetime, or a {@link Rejection}. */
public sealed interface RefreshOutcome permits RefreshOutcome.Refreshed, Rejection {

    /** The lifetime granted; zero when the request deleted the allocation. Goes into LIFETIME. */
    record Refreshed(Allocation allocation, Duration lifetime) implements RefreshOutcome {

        public boolean deleted() {
            return lifetime.isZero();
        }
    }
}
