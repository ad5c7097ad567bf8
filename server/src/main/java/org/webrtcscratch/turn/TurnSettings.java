package org.webrtcscratch.turn;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.turn.allocation.RelayIp;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.auth.StaticCredentials;
import org.webrtcscratch.turn.transport.TlsListening;

/**
 * How to run the STUN/TURN server ({@link TurnServer}): where it listens, the TURN state and policy settings,
 * and who may use it. {@link #on(InetAddress)} and {@link #onLoopback()} give working settings on one
 * address; the {@code with...} methods change one thing each.
 *
 * @param port            UDP and TCP port; 0 picks a free one, the same for both (tests). The command line's
 *                        {@code --turn-port 0} instead means no STUN/TURN at all
 * @param listenAddresses where to listen; {@code 0.0.0.0} and {@code ::} mean every interface of that family
 * @param config          allocation limits, auth and peer policy, and the relay IPs (bind and advertised)
 * @param secret          the TURN REST API secret: the server checks, and the signaling server mints,
 *                        time-limited credentials with it
 * @param users           fixed users as {@code NAME:PASS}
 * @param externalIp      the address clients reach this server by when it sits behind a 1:1 NAT; goes into
 *                        the ICE server URLs handed to browsers (the relay IP's advertised address is in
 *                        {@code config})
 * @param software        the SOFTWARE attribute of responses; empty sends none
 * @param threads         UDP receive threads per listen address, and relay threads
 * @param tls             TURN over TLS ({@code turns:}) with the server's certificate, on its own port; none by
 *                        default ({@code serve} adds it when the web server has a certificate)
 */
public record TurnSettings(
        int port,
        List<InetAddress> listenAddresses,
        TurnConfig config,
        RestApiSecret secret,
        List<String> users,
        Optional<InetAddress> externalIp,
        Optional<String> software,
        int threads,
        Optional<TlsListening> tls) {

    /** The IANA port of STUN and TURN over UDP and TCP (RFC 8489 §18.6, RFC 8656 §17). */
    public static final int DEFAULT_PORT = 3478;

    public TurnSettings {
        listenAddresses = List.copyOf(listenAddresses);
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(secret, "secret");
        users = List.copyOf(users);
        Objects.requireNonNull(externalIp, "externalIp");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(tls, "tls");
    }

    /**
     * Listening and relaying on {@code address} alone, on a free port, with a random REST API secret; relaying
     * to loopback peers is allowed when the address is a loopback one (tests, single-machine demos).
     */
    public static TurnSettings on(InetAddress address) {
        TurnConfig config = TurnConfig.builder()
                .relayIps(List.of(RelayIp.of(address)))
                .allowLoopbackPeers(address.isLoopbackAddress())
                .build();
        return new TurnSettings(0, List.of(address), config, randomSecret(), List.of(), Optional.empty(),
                Optional.empty(), 2, Optional.empty());
    }

    /** {@link #on(InetAddress)} 127.0.0.1. */
    public static TurnSettings onLoopback() {
        return on(InetAddress.getLoopbackAddress());
    }

    /** A REST API secret nobody else knows: enough when the signaling server in this process mints credentials. */
    public static RestApiSecret randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return RestApiSecret.of(Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * Checks the settings.
     *
     * @return these settings
     * @throws IllegalArgumentException naming what is wrong
     */
    public TurnSettings validate() {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) {
            problems.add("TURN port must be 0..65535, got " + port);
        }
        if (listenAddresses.isEmpty()) {
            problems.add("TURN needs at least one listen address");
        }
        if (threads < 1) {
            problems.add("TURN threads must be at least 1, got " + threads);
        }
        if (externalIp.isPresent() && config.allocation().relayIps().stream().noneMatch(ip -> ip.family()
                == AddressFamily.of(externalIp.get()))) {
            problems.add("external IP " + externalIp.get().getHostAddress() + " has no relay IP of its family");
        }
        try {
            config.validate();
            StaticCredentials.parse(users, config.realm());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return this;
    }

    public TurnSettings withPort(int value) {
        return new TurnSettings(value, listenAddresses, config, secret, users, externalIp, software, threads, tls);
    }

    public TurnSettings withListenAddresses(List<InetAddress> value) {
        return new TurnSettings(port, value, config, secret, users, externalIp, software, threads, tls);
    }

    public TurnSettings withConfig(TurnConfig value) {
        return new TurnSettings(port, listenAddresses, value, secret, users, externalIp, software, threads, tls);
    }

    public TurnSettings withSecret(RestApiSecret value) {
        return new TurnSettings(port, listenAddresses, config, value, users, externalIp, software, threads, tls);
    }

    public TurnSettings withUsers(List<String> value) {
        return new TurnSettings(port, listenAddresses, config, secret, value, externalIp, software, threads, tls);
    }

    public TurnSettings withTls(Optional<TlsListening> value) {
        return new TurnSettings(port, listenAddresses, config, secret, users, externalIp, software, threads, value);
    }

    /** Never prints the secret or passwords. */
    @Override
    public String toString() {
        return "TurnSettings[port=" + port + ", listen=" + listenAddresses + ", relay=" + config.allocation().relayIps()
                + ", realm=" + config.realm() + ", users=" + users.size() + ", externalIp=" + externalIp
                + ", threads=" + threads + ", tls=" + tls + "]";
    }
}
