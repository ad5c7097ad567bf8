package org.webrtcscratch.turn.allocation;

import java.time.Duration;
import java.util.OptionalLong;

/** The answer to an Allocate request (RFC 8656 §7.2): an allocation, or a {@link Rejection}. */
public sealed interface AllocateOutcome permits AllocateOutcome.Allocated, Rejection {

    /**
     * The allocation, with what the success response carries: LIFETIME, and RESERVATION-TOKEN when EVEN-PORT
     * asked for the next port to be kept (RFC 8656 §7.3). {@code retransmission} is true when this is the
     * same Allocate again (same 5-tuple and transaction ID): the values are the first answer's.
     */
    record Allocated(Allocation allocation, Duration lifetime, OptionalLong reservationToken, boolean retransmission)
            implements AllocateOutcome {
    }
}
