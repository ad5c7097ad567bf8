package org.webrtcscratch.turn.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.webrtcscratch.turn.policy.ClientSource;

/**
 * Slows down password guessing against the long-term credential mechanism, per source ({@link ClientSource})
 * and per username, with {@link Lockouts}: exponential back-off after a few failures. A locked source or
 * username is refused before its MESSAGE-INTEGRITY is checked, so a guess made while locked tells nothing.
 *
 * <p>Guesses from many addresses lock the username itself, which would lock its owner out too; so a source that
 * has authenticated as that username before (remembered per username and source) passes a username lockout,
 * and a username lockout is capped at {@link GuessLimits#maxUserLockout}, shorter than a source's. Unknown
 * usernames count against the source only, so random names cannot fill the table. Lockouts and the requests
 * they refused are counted. Thread-safe (synchronized: it runs for authenticated requests, never per relayed
 * packet).
 */
public final class GuessThrottle {

    /** What a lockout applies to. */
    public enum Scope {
        SOURCE,
        USERNAME
    }

    /** A refusal: who is locked, and for how much longer. */
    public record Locked(Scope scope, Duration remaining) {
    }

    private record KnownGood(String username, InetAddress source) {
    }

    private final InstantSource clock;
    private final Lockouts<InetAddress> sources;
    private final Lockouts<String> usernames;
    private final LinkedHashMap<KnownGood, Boolean> knownGood;
    private final Map<Scope, LongAdder> lockouts = adders();
    private final Map<Scope, LongAdder> refusals = adders();

    public GuessThrottle(GuessLimits limits, InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sources = new Lockouts<>(limits.failures(), limits.firstLockout(), limits.maxLockout(),
                limits.trackedKeys());
        this.usernames = new Lockouts<>(limits.failures(), limits.firstLockout(), limits.maxUserLockout(),
                limits.trackedKeys());
        int tracked = limits.trackedKeys();
        this.knownGood = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<KnownGood, Boolean> eldest) {
                return size() > tracked;
            }
        };
    }

    /** Whether {@code client} may try {@code username}'s credentials now; a refusal is counted. */
    public synchronized Optional<Locked> check(InetAddress client, String username) {
        InetAddress source = ClientSource.of(client);
        Optional<Locked> locked = sources.lockedFor(source, clock.instant()).map(d -> new Locked(Scope.SOURCE, d))
                .or(() -> knownGood.containsKey(new KnownGood(username, source)) ? Optional.empty()
                        : usernames.lockedFor(username, clock.instant()).map(d -> new Locked(Scope.USERNAME, d)));
        locked.ifPresent(l -> refusals.get(l.scope()).increment());
        return locked;
    }

    /** Wrong credentials for {@code username}, which is empty when the username itself is unknown. */
    public synchronized void failed(InetAddress client, Optional<String> username) {
        sources.failed(ClientSource.of(client), clock.instant())
                .ifPresent(lockout -> lockouts.get(Scope.SOURCE).increment());
        username.flatMap(name -> usernames.failed(name, clock.instant()))
                .ifPresent(lockout -> lockouts.get(Scope.USERNAME).increment());
    }

    /** Right credentials: the source starts over and may pass the username's lockouts from now on. */
    public synchronized void succeeded(InetAddress client, String username) {
        InetAddress source = ClientSource.of(client);
        sources.succeeded(source);
        knownGood.put(new KnownGood(username, source), Boolean.TRUE);
    }

    /** Lockouts started, by scope. */
    public long lockouts(Scope scope) {
        return lockouts.get(scope).sum();
    }

    /** Requests refused because their source or username was locked, by scope. */
    public long refusals(Scope scope) {
        return refusals.get(scope).sum();
    }

    private static Map<Scope, LongAdder> adders() {
        Map<Scope, LongAdder> map = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            map.put(scope, new LongAdder());
        }
        return map;
    }
}
