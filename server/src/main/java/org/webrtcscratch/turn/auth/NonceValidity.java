package org.webrtcscratch.turn.auth;

import java.util.Optional;
import org.webrtcscratch.stun.attr.StunErrorCode;

/** What a NONCE from a request is worth (RFC 8489 §9.2.4). */
public enum NonceValidity {
    /** Ours, for this client, and fresh. */
    VALID(null),
    /** Ours and for this client, but too old: answer 438 (Stale Nonce) with a new one. */
    STALE(StunErrorCode.STALE_NONCE),
    /** Not one we issued to this client (forged, altered, another client's, another server key): 401. */
    INVALID(StunErrorCode.UNAUTHENTICATED);

    private final StunErrorCode errorCode;

    NonceValidity(StunErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    /** The error to answer with, empty when the nonce is valid. */
    public Optional<StunErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
