package org.webrtcscratch.turn.allocation;

/**
 * The answer to a ChannelBind request (RFC 8656 §12.2): the binding, created or refreshed along with a
 * permission for the peer's IP, or a {@link Rejection}.
 */
public sealed interface ChannelBindOutcome permits ChannelBindOutcome.Bound, Rejection {

    record Bound(ChannelBinding binding) implements ChannelBindOutcome {
    }
}
