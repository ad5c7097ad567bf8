package org.webrtcscratch.turn.server;

import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunMessage;

/**
 * One request being answered: the request as received, the 5-tuple it came on and, once the long-term
 * credential mechanism passed it, who sent it.
 */
record Exchange(DecodedMessage request, FiveTuple from, Optional<Credentials> credentials) {

    Exchange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(credentials, "credentials");
    }

    static Exchange of(DecodedMessage request, FiveTuple from) {
        return new Exchange(request, from, Optional.empty());
    }

    Exchange authenticatedAs(Credentials who) {
        return new Exchange(request, from, Optional.of(who));
    }

    StunMessage message() {
        return request.message();
    }

    /** The authenticated USERNAME; only call after authentication. */
    String username() {
        return credentials.orElseThrow(() -> new IllegalStateException("not authenticated")).username();
    }
}
