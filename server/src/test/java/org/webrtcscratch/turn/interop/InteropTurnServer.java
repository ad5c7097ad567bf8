package org.webrtcscratch.turn.interop;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.allocation.RelayIp;
import org.webrtcscratch.turn.auth.GuessLimits;
import org.webrtcscratch.turn.auth.RestApiSecret;

/**
 * The STUN/TURN server the interop tests talk to: ours, or coturn with {@code -Dinterop.target=coturn} to
 * check the tests themselves. It listens on 127.0.0.1, and on ::1 where the machine has IPv6, over UDP and
 * TCP; it relays from those addresses to loopback peers; it knows the static user {@link #USER} and takes
 * TURN REST API credentials made with {@link #REST_SECRET}.
 */
final class InteropTurnServer implements AutoCloseable {

    static final String USER = "interop";
    static final String PASSWORD = "interop-password";
    static final String REST_SECRET = "interop-rest-secret";
    static final String REALM = "interop.test";

    private final int staticCredentialsPort;
    private final int restCredentialsPort;
    private final boolean ipv6;
    private final List<AutoCloseable> resources;
    private final Supplier<String> status;

    private InteropTurnServer(int staticCredentialsPort, int restCredentialsPort, boolean ipv6,
                              List<AutoCloseable> resources, Supplier<String> status) {
        this.staticCredentialsPort = staticCredentialsPort;
        this.restCredentialsPort = restCredentialsPort;
        this.ipv6 = ipv6;
        this.resources = resources;
        this.status = status;
    }

    static InteropTurnServer start() {
        boolean ipv6 = LoopbackPorts.ipv6LoopbackWorks();
        String target = System.getProperty("interop.target", "scratch");
        return switch (target) {
            case "scratch" -> startScratch(ipv6);
            case "coturn" -> startCoturn(ipv6);
            default -> throw new IllegalArgumentException(
                    "interop.target is 'scratch' or 'coturn', not '" + target + "'");
        };
    }

    private static InteropTurnServer startScratch(boolean ipv6) {
        List<InetAddress> loopbacks = ipv6
                ? List.of(InetAddress.getLoopbackAddress(), ipv6Loopback()) : List.of(InetAddress.getLoopbackAddress());
        TurnConfig config = TurnConfig.builder()
                .realm(REALM)
                .relayIps(loopbacks.stream().map(RelayIp::of).toList())
                .allowLoopbackPeers(true)
                // Every client here is 127.0.0.1 or ::1; the 401 limit per source is not what these tests test,
                // nor the lockout for wrong passwords, which aWrongPasswordCannotAllocate would bring on them all.
                .unauthorizedLimit(10_000)
                .guessLimits(new GuessLimits(10_000, GuessLimits.DEFAULTS.firstLockout(),
                        GuessLimits.DEFAULTS.maxLockout(), GuessLimits.DEFAULTS.maxUserLockout(),
                        GuessLimits.DEFAULTS.trackedKeys()))
                .build();
        TurnServer turn = TurnServer.start(TurnSettings.onLoopback()
                .withListenAddresses(loopbacks)
                .withConfig(config)
                .withUsers(List.of(USER + ":" + PASSWORD))
                .withSecret(RestApiSecret.of(REST_SECRET)));
        return new InteropTurnServer(turn.port(), turn.port(), ipv6, List.of(turn),
                () -> "our TURN server on port " + turn.port() + ", allocations now: " + turn.allocationCount());
    }

    private static InetAddress ipv6Loopback() {
        try {
            return InetAddress.getByName("::1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("::1 is a literal, no lookup can fail", e);
        }
    }

    private static InteropTurnServer startCoturn(boolean ipv6) {
        Coturn.TURNSERVER.requireInstalled();
        List<Coturn> coturns = new ArrayList<>();
        int staticPort = LoopbackPorts.freeUdpAndTcpPort(InetAddress.getLoopbackAddress());
        coturns.add(Coturn.start(staticPort, REALM, ipv6, "--user=" + USER + ":" + PASSWORD));
        int restPort = LoopbackPorts.freeUdpAndTcpPort(InetAddress.getLoopbackAddress());
        try {
            coturns.add(Coturn.start(restPort, REALM, ipv6, "--static-auth-secret=" + REST_SECRET));
        } catch (RuntimeException e) {
            closeAll(List.copyOf(coturns));
            throw e;
        }
        return new InteropTurnServer(staticPort, restPort, ipv6, List.copyOf(coturns),
                () -> String.join("\n", coturns.stream().map(Coturn::status).toList()));
    }

    /** Where {@link #USER} / {@link #PASSWORD} work. */
    int staticCredentialsPort() {
        return staticCredentialsPort;
    }

    /** Where credentials made with {@link #REST_SECRET} work. */
    int restCredentialsPort() {
        return restCredentialsPort;
    }

    /** Fresh TURN REST API credentials for {@code user}, good for an hour. */
    static Credentials restCredentials(String user) {
        return Credentials.rest(user, REST_SECRET, Duration.ofHours(1));
    }

    /** How the server is doing, for the message of a failed assertion. */
    String status() {
        return "server under test: " + status.get();
    }

    /** Whether the server also listens and relays on ::1. */
    boolean ipv6() {
        return ipv6;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("cannot close " + resource + ": " + e);
            }
        }
    }
}
