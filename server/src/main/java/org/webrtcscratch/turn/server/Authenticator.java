package org.webrtcscratch.turn.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.Integrity;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.turn.auth.CredentialStore;
import org.webrtcscratch.turn.auth.GuessThrottle;
import org.webrtcscratch.turn.auth.LongTermKey;
import org.webrtcscratch.turn.auth.NonceManager;
import org.webrtcscratch.turn.auth.NonceValidity;
import org.webrtcscratch.turn.auth.UnauthorizedLimiter;

/**
 * The server side of the long-term credential mechanism, RFC 8489 §9.2.4, in the RFC's order:
 * <ol>
 *   <li>no MESSAGE-INTEGRITY(-SHA256): 401 with REALM and a fresh NONCE;</li>
 *   <li>integrity but no USERNAME, REALM or NONCE: 400;</li>
 *   <li>the source or the USERNAME is locked out for guessing ({@link GuessThrottle}): 401, unchecked;</li>
 *   <li>USERNAME unknown (or its REST API expiry passed): 401;</li>
 *   <li>MESSAGE-INTEGRITY-SHA256 if present, else MESSAGE-INTEGRITY, does not match: 401;</li>
 *   <li>NONCE not one of ours for this client: 401; ours but old: 438 (Stale Nonce) with a new one.</li>
 * </ol>
 * Every 401 first asks the {@link UnauthorizedLimiter}; past its limit the request is dropped unanswered,
 * since a 401 is larger than the request that provoked it. The server does not announce PASSWORD-ALGORITHMS
 * or USERHASH (its nonces carry no RFC 8489 cookie), so keys are MD5 ones and a PASSWORD-ALGORITHM
 * attribute is ignored. Thread-safe.
 */
public final class Authenticator {

    /** What became of a request's credentials. */
    sealed interface Verdict permits Passed, Refused, Silenced {
    }

    /** The request authenticated. */
    record Passed(Credentials credentials) implements Verdict {
    }

    /** Answer with this error; {@code attributes} are REALM and NONCE where the RFC asks for them. */
    record Refused(StunErrorCode code, String reason, List<Attribute> attributes) implements Verdict {
    }

    /** A 401 was due but the source is over its limit: send nothing. */
    record Silenced() implements Verdict {
    }

    private static final Silenced SILENCED = new Silenced();

    private final Realm realm;
    private final CredentialStore credentials;
    private final NonceManager nonces;
    private final UnauthorizedLimiter limiter;
    private final GuessThrottle guesses;

    public Authenticator(String realm, CredentialStore credentials, NonceManager nonces, UnauthorizedLimiter limiter,
            GuessThrottle guesses) {
        this.realm = new Realm(realm);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.guesses = Objects.requireNonNull(guesses, "guesses");
    }

    /**
     * @param allocationUser the username of the allocation the request is on, if any: that username's key is
     *                       taken even when its time-limited credential has expired since the allocation was made
     */
    Verdict check(DecodedMessage request, InetAddress client, Optional<String> allocationUser) {
        if (!request.hasIntegrity() && !request.hasIntegritySha256()) {
            return unauthenticated(client, "credentials required: send USERNAME, REALM, NONCE and MESSAGE-INTEGRITY");
        }
        StunMessage message = request.message();
        Optional<Username> username = message.attribute(Username.class);
        Optional<Nonce> nonce = message.attribute(Nonce.class);
        if (username.isEmpty() || nonce.isEmpty() || !message.has(Realm.class)) {
            return new Refused(StunErrorCode.BAD_REQUEST,
                    "MESSAGE-INTEGRITY needs USERNAME, REALM and NONCE (USERHASH is not supported)", List.of());
        }
        String name = username.get().value();
        Optional<GuessThrottle.Locked> locked = guesses.check(client, name);
        if (locked.isPresent()) {
            return unauthenticated(client, lockedReason(locked.get()));
        }
        Optional<LongTermKey> key = allocationUser.filter(name::equals).isPresent()
                ? credentials.keyForExistingAllocation(name) : credentials.keyFor(name);
        if (key.isEmpty()) {
            guesses.failed(client, Optional.empty());
            return unauthenticated(client, "unknown or expired USERNAME");
        }
        byte[] keyBytes = key.get().bytes();
        if (!Integrity.verify(request, keyBytes)) {
            guesses.failed(client, Optional.of(name));
            return unauthenticated(client, "MESSAGE-INTEGRITY does not match (wrong password or realm?)");
        }
        NonceValidity validity = nonces.validate(nonce.get().value(), client);
        if (validity == NonceValidity.VALID) {
            guesses.succeeded(client, name);
        }
        return switch (validity) {
            case VALID -> new Passed(new Credentials(name, keyBytes));
            case STALE -> new Refused(StunErrorCode.STALE_NONCE, "the NONCE has expired; retry with this one",
                    challenge(client));
            case INVALID -> unauthenticated(client, "the NONCE was not issued to this address");
        };
    }

    private Verdict unauthenticated(InetAddress client, String reason) {
        if (!limiter.tryAcquire(client)) {
            return SILENCED;
        }
        return new Refused(StunErrorCode.UNAUTHENTICATED, reason, challenge(client));
    }

    private static String lockedReason(GuessThrottle.Locked locked) {
        long seconds = Math.max(1, (locked.remaining().toMillis() + 999) / 1000);
        return "too many wrong credentials from this " + (locked.scope() == GuessThrottle.Scope.SOURCE
                ? "address" : "USERNAME") + "; try again in " + seconds + " s";
    }

    /** REALM and a NONCE bound to the client's IP, for a 401 or 438. */
    private List<Attribute> challenge(InetAddress client) {
        return List.of(realm, new Nonce(nonces.issue(client)));
    }
}
