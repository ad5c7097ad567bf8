package org.webrtcscratch.turn.auth;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Time-limited credentials of the TURN REST API: the username is {@code expiry} or {@code expiry:user},
 * with {@code expiry} in Unix seconds, and the password is derived from it with the {@link RestApiSecret}.
 * A username whose expiry has passed, or that does not start with one, gets no key.
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

    public RestApiCredentials(RestApiSecret secret, String realm, InstantSource clock) {
        this.secret = secret;
        this.realm = realm;
        this.clock = clock;
    }

    @Override
    public Optional<LongTermKey> keyFor(String username) {
        int colon = username.indexOf(':');
        String expiry = colon < 0 ? username : username.substring(0, colon);
        boolean digitsOnly = expiry.chars().allMatch(c -> c >= '0' && c <= '9');
        if (expiry.isEmpty() || expiry.length() > MAX_EXPIRY_DIGITS || !digitsOnly) {
            return Optional.empty();
        }
        if (Long.parseLong(expiry) <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(LongTermKey.derive(username, realm, secret.passwordFor(username)));
    }
}
