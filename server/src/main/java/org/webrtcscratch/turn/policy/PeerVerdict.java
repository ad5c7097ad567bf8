package org.webrtcscratch.turn.policy;

import java.util.Objects;

/**
 * Whether the server may relay to a peer address, and why not when it may not. A refusal becomes a
 * 403 (Forbidden) answer to CreatePermission or ChannelBind (RFC 8656 §10.2, §12.2), carrying
 * {@link #reason()} as its reason phrase.
 */
public record PeerVerdict(boolean allowed, String reason) {

    private static final PeerVerdict ALLOWED = new PeerVerdict(true, "allowed");

    public PeerVerdict {
        Objects.requireNonNull(reason, "reason");
    }

    public static PeerVerdict allow() {
        return ALLOWED;
    }

    public static PeerVerdict deny(String reason) {
        return new PeerVerdict(false, reason);
    }
}
