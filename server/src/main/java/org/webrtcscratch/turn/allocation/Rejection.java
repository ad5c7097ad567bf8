package org.webrtcscratch.turn.allocation;

import java.util.Objects;
import org.webrtcscratch.stun.attr.StunErrorCode;

/**
 * A request the allocation state refuses: the error response to send, as ERROR-CODE's code and a reason
 * phrase that says what was wrong (RFC 8489 §14.8). Shared by every request outcome, so a handler can
 * answer all refusals in one place.
 */
public record Rejection(StunErrorCode code, String reason)
        implements ParsedAllocate, AllocateOutcome, RefreshOutcome, CreatePermissionOutcome, ChannelBindOutcome {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return code.code() + " " + code.reason() + ": " + reason;
    }
}
