package org.webrtcscratch.turn.auth;

import java.time.Instant;

/**
 * A TURN username and password for a browser's {@code RTCIceServer} ({@code username}, {@code credential}),
 * good until {@code expiresAt}.
 */
public record TurnCredential(String username, String password, Instant expiresAt) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "TurnCredential[username=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
