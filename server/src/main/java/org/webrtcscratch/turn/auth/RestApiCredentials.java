package org.webrtcscratch.turn.auth;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time-limited credentials of the TURN REST API: the username is {@code expiry} or {@code expiry:user},
 * with {@code expiry} in Unix seconds, and the password is derived from it with the {@link RestApiSecret}.
 * A username whose expiry has passed, or that does not start with one, gets no key; nor does one whose expiry
 * is further away than the maximum lifetime, which no credential we mint has.
 */
public final class RestApiCredentials implements CredentialStore {

    /**
     * Unix seconds of any date a clock will reach fit in 18 decimal digits (10^18 s is 3·10^10 years), and
     * always in a {@code long}: a 19-digit expiry could overflow it, so it is no timestamp but an unknown user.
     */
    private static final int MAX_EXPIRY_DIGITS = 18;

    private final RestApiSecret secret;
    private final String realm;
    private final InstantSource clock;
    private final long maxLifetimeSeconds;
    private final LongAdder tooLongLived = new LongAdder();

    /** @param maxLifetime the furthest an expiry may be from now; further ones are refused */
    public RestApiCredentials(RestApiSecret secret, String realm, InstantSource clock, Duration maxLifetime) {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("maximum credential lifetime must be positive, got " + maxLifetime);
        }
        this.secret = secret;
        this.realm = realm;
        this.clock = clock;
        this.maxLifetimeSeconds = maxLifetime.toSeconds();
    }

    /** With no bound on how far the expiry may be (any credential the secret signed until it expires). */
    public RestApiCredentials(RestApiSecret secret, String realm, InstantSource clock) {
        this(secret, realm, clock, Duration.ofSeconds(Long.MAX_VALUE));
    }

    /** Credentials refused because they would have lived longer than the maximum lifetime. */
    public long tooLongLived() {
        return tooLongLived.sum();
    }

    @Override
    public Optional<LongTermKey> keyFor(String username) {
        String expiry = expiryOf(username);
        if (expiry == null) {
            return Optional.empty();
        }
        long expirySeconds = Long.parseLong(expiry);
        long now = clock.instant().getEpochSecond();
        if (expirySeconds <= now) {
            return Optional.empty();
        }
        if (expirySeconds - now > maxLifetimeSeconds) {
            tooLongLived.increment();
            return Optional.empty();
        }
        return Optional.of(LongTermKey.derive(username, realm, secret.passwordFor(username)));
    }

    /** Its key whatever its expiry: the allocation made with it while it was good lives on by its own refreshes. */
    @Override
    public Optional<LongTermKey> keyForExistingAllocation(String username) {
        if (expiryOf(username) == null) {
            return Optional.empty();
        }
        return Optional.of(LongTermKey.derive(username, realm, secret.passwordFor(username)));
    }

    /** The expiry digits a REST username starts with, or null when it does not start with one a long holds. */
    private static String expiryOf(String username) {
        int colon = username.indexOf(':');
        String expiry = colon < 0 ? username : username.substring(0, colon);
        boolean digitsOnly = expiry.chars().allMatch(c -> c >= '0' && c <= '9');
        return expiry.isEmpty() || expiry.length() > MAX_EXPIRY_DIGITS || !digitsOnly ? null : expiry;
    }
}
