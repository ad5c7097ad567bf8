package org.webrtcscratch.turn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.AllocationLimits;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.allocation.UdpRelayPortBinder;
import org.webrtcscratch.turn.auth.CredentialStore;
import org.webrtcscratch.turn.auth.GuessThrottle;
import org.webrtcscratch.turn.auth.NonceManager;
import org.webrtcscratch.turn.auth.RestApiCredentials;
import org.webrtcscratch.turn.auth.StaticCredentials;
import org.webrtcscratch.turn.auth.TurnCredentialIssuer;
import org.webrtcscratch.turn.auth.UnauthorizedLimiter;
import org.webrtcscratch.turn.event.TurnEvents;
import org.webrtcscratch.turn.server.AllocationLog;
import org.webrtcscratch.turn.server.Authenticator;
import org.webrtcscratch.turn.server.TurnHandler;
import org.webrtcscratch.turn.server.TurnStats;
import org.webrtcscratch.turn.transport.TurnTransports;

/**
 * A running STUN/TURN server: wiring only. {@link #start} builds the allocation state (whose peer policy also
 * denies this host's own addresses, {@link LocalAddresses#own}), the credential
 * stores (fixed users, then REST API credentials), the handler and the UDP and TCP transports, and sweeps
 * expired allocations once a second. One clock, given to {@link #start(TurnSettings, InstantSource, Ticker)},
 * decides every expiry (allocations, nonces, credentials, the 401 limiter); the {@link Ticker} only says when to
 * sweep (a thread of its own by default).
 * What happens is told to {@link #events()}, where {@link #stats()} is the first subscriber. Started by
 * {@code ScratchServer} (with {@code serve}) and by the standalone {@code turn} command; tests start it with
 * {@code TurnServer.start(TurnSettings.onLoopback())}.
 */
public final class TurnServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TurnServer.class);

    private final TurnSettings settings;
    private final AllocationManager allocations;
    private final TurnTransports transports;
    private final Ticker.Stop sweeper;
    private final TurnCredentialIssuer credentialIssuer;
    private final TurnStats stats;
    private final TurnEvents events;
    private final GuessThrottle guesses;
    private final RestApiCredentials restCredentials;

    private TurnServer(TurnSettings settings, AllocationManager allocations, TurnTransports transports,
            Ticker.Stop sweeper, TurnCredentialIssuer credentialIssuer, TurnStats stats,
            TurnEvents events, GuessThrottle guesses, RestApiCredentials restCredentials) {
        this.settings = settings;
        this.allocations = allocations;
        this.transports = transports;
        this.sweeper = sweeper;
        this.credentialIssuer = credentialIssuer;
        this.stats = stats;
        this.events = events;
        this.guesses = guesses;
        this.restCredentials = restCredentials;
    }

    /** How often expired allocations, permissions, bindings, reservations and idle TCP connections are let go. */
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(1);

    public static TurnServer start(TurnSettings settings) {
        return start(settings, InstantSource.system(), Ticker.thread("turn-sweeper"));
    }

    /**
     * Starts serving on the settings' addresses and port, reading time from {@code clock} and sweeping expired
     * state when {@code sweepTicker} ticks (every {@link #SWEEP_PERIOD}).
     *
     * @throws UncheckedIOException when the port or an address cannot be bound
     */
    public static TurnServer start(TurnSettings settings, InstantSource clock, Ticker sweepTicker) {
        settings.validate();
        TurnConfig config = settings.config();
        TurnStats stats = new TurnStats();
        TurnEvents events = new TurnEvents();
        events.subscribe(stats);
        events.subscribe(new AllocationLog());
        AllocationLimits limits = config.allocation().withPeerPolicy(
                config.allocation().peerPolicy().withOwn(LocalAddresses.own(settings)));
        AllocationManager allocations = new AllocationManager(limits, new UdpRelayPortBinder(), clock, events);
        RestApiCredentials restCredentials = new RestApiCredentials(settings.secret(), config.realm(), clock,
                config.maxCredentialLifetime());
        CredentialStore credentials = CredentialStore.firstOf(List.of(
                StaticCredentials.parse(settings.users(), config.realm()), restCredentials));
        GuessThrottle guesses = new GuessThrottle(config.guessLimits(), clock);
        Authenticator authenticator = new Authenticator(config.realm(), credentials,
                new NonceManager(NonceManager.newSecret(), clock, config.nonceLifetime()),
                new UnauthorizedLimiter(config.unauthorizedLimit(), config.unauthorizedWindow(),
                        config.unauthorizedTrackedSources(), clock), guesses);
        TurnHandler handler = new TurnHandler(allocations, authenticator, settings.software(), stats, events, clock);
        TurnTransports transports;
        try {
            transports = TurnTransports.start(settings.port(), settings.listenAddresses(), settings.threads(),
                    handler, allocations, stats, config.tcp(), clock, settings.tls());
        } catch (IOException e) {
            allocations.close();
            throw new UncheckedIOException("cannot listen for STUN/TURN on " + settings.listenAddresses()
                    + " port " + settings.port() + ": " + e.getMessage(), e);
        }
        TurnTransports running = transports;
        Ticker.Stop sweeper = sweepTicker.every(SWEEP_PERIOD, () -> sweep(allocations, running));
        TurnServer server = new TurnServer(settings, allocations, transports, sweeper,
                new TurnCredentialIssuer(settings.secret(), clock, config.credentialTtl()), stats, events, guesses,
                restCredentials);
        LOG.info("STUN/TURN listening on UDP {} and TCP {}{}, relaying from {} ports {}", server.udpAddresses(),
                server.tcpAddresses(), server.tlsAddresses().isEmpty() ? "" : " and TLS " + server.tlsAddresses(),
                config.allocation().relayIps(), config.allocation().relayPorts());
        return server;
    }

    private static void sweep(AllocationManager allocations, TurnTransports transports) {
        try {
            allocations.sweepExpired();
            transports.closeIdle();
        } catch (RuntimeException e) {
            LOG.error("sweeping expired TURN allocations failed", e);
        }
    }

    /** The UDP and TCP port (the same for both). */
    public int port() {
        return transports.port();
    }

    public List<InetSocketAddress> udpAddresses() {
        return transports.udpAddresses();
    }

    public List<InetSocketAddress> tcpAddresses() {
        return transports.tcpAddresses();
    }

    /** Where TURN over TLS listens; empty without TLS. */
    public List<InetSocketAddress> tlsAddresses() {
        return transports.tlsAddresses();
    }

    /** The TLS port, if TURN over TLS is on. */
    public OptionalInt tlsPort() {
        List<InetSocketAddress> tls = transports.tlsAddresses();
        return tls.isEmpty() ? OptionalInt.empty() : OptionalInt.of(tls.getFirst().getPort());
    }

    public TurnSettings settings() {
        return settings;
    }

    /** Mints REST API credentials this server accepts, for the signaling server to hand to browsers. */
    public TurnCredentialIssuer credentialIssuer() {
        return credentialIssuer;
    }

    public TurnStats stats() {
        return stats;
    }

    /** What the server does, as it happens: subscribe here (the stats already are). */
    public TurnEvents events() {
        return events;
    }

    /** Lockouts for wrong credentials, and what they refused. */
    public GuessThrottle guesses() {
        return guesses;
    }

    /** REST credentials refused for an expiry further away than the maximum credential lifetime. */
    public long credentialsTooLongLived() {
        return restCredentials.tooLongLived();
    }

    public int allocationCount() {
        return allocations.allocationCount();
    }

    /** The allocations held now, for a view of them (never on a hot path: it copies the index). */
    public List<Allocation> allocations() {
        return allocations.allocations();
    }

    /** The allocation of {@code fiveTuple}, if there is one. */
    public Optional<Allocation> allocation(FiveTuple fiveTuple) {
        return allocations.find(fiveTuple);
    }

    /** Stops listening, closes TCP connections, deletes every allocation and frees its relay port. */
    @Override
    public void close() {
        transports.close();
        sweeper.close();
        allocations.close();
    }
}
