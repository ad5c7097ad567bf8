package org.webrtcscratch.turn.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Mints TURN REST API credentials ({@link RestApiCredentials} checks them): what the signaling server
 * puts in its welcome message so a browser can use our TURN server without a stored password.
 */
public final class TurnCredentialIssuer {

    /** RFC 8489 §14.3: USERNAME is fewer than 509 bytes; leave room for the expiry and colon. */
    private static final int MAX_USER_BYTES = 480;

    private final RestApiSecret secret;
    private final InstantSource clock;
    private final Duration ttl;

    public TurnCredentialIssuer(RestApiSecret secret, InstantSource clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("credential lifetime must be positive, got " + ttl);
        }
        this.secret = secret;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Credentials for {@code user} (for instance a peer id, so server logs tell whose allocation is whose),
     * with username {@code expiry:user}; an empty {@code user} gives the bare {@code expiry}. The peer whose id is
     * {@code user} is shown the allocations made with it (Behind the Scenes), so {@code user} must never be a
     * name a client chose.
     */
    public TurnCredential issue(String user) {
        if (user.getBytes(StandardCharsets.UTF_8).length > MAX_USER_BYTES) {
            throw new IllegalArgumentException("TURN user part is longer than " + MAX_USER_BYTES + " bytes");
        }
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().plus(ttl).getEpochSecond());
        String username = user.isEmpty() ? Long.toString(expiresAt.getEpochSecond())
                : expiresAt.getEpochSecond() + ":" + user;
        return new TurnCredential(username, secret.passwordFor(username), expiresAt);
    }

    /**
     * The user part of a username this issuer's format gives ({@code expiry:user}), or empty for any other
     * shape: a bare expiry, or anything not starting with digits and a colon.
     */
    public static Optional<String> userOf(String username) {
        int colon = username.indexOf(':');
        if (colon <= 0 || colon == username.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < colon; i++) {
            char c = username.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(username.substring(colon + 1));
    }

    public Duration ttl() {
        return ttl;
    }
}
