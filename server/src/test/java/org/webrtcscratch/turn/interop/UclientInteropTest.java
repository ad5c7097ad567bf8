package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * coturn's {@code turnutils_uclient} relays through our server to {@code turnutils_peer}, an echo peer,
 * and counts the echoes that come back. Each {@link Relay} case is one uclient run.
 *
 * <p>uclient waits 1 to 6 s (at random) before each client starts sending, so the runs would take half a
 * minute one after another; they all start together before the first test and each test checks its own.
 * Many clients of one server at once is also the more honest test.
 */
@Tag("interop")
class UclientInteropTest {

    private static final ExternalProgram UCLIENT = ExternalProgram.coturnTool("turnutils_uclient");
    private static final ExternalProgram PEER = ExternalProgram.coturnTool("turnutils_peer");
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final int MESSAGES = 20;
    /** Not a multiple of 4: ChannelData over TCP then needs padding (RFC 8656 §12.5), which uclient sends. */
    private static final int MESSAGE_LENGTH = 181;

    /** One uclient run: how it reaches the server, how it sends, which credentials. */
    enum Relay {
        UDP_CHANNELS_RTP_RTCP_PAIRS(Family.IPV4, Credential.STATIC, 2),
        /** ChannelData padded to 4 bytes over UDP too, as pjnath sends it; RFC 8656 §12.5 allows that. */
        UDP_CHANNELS_PADDED(Family.IPV4, Credential.STATIC, 1, "-D", "-c"),
        UDP_SEND_INDICATIONS(Family.IPV4, Credential.STATIC, 1, "-s", "-c"),
        TCP_CHANNELS(Family.IPV4, Credential.STATIC, 1, "-t", "-c"),
        TCP_SEND_INDICATIONS(Family.IPV4, Credential.STATIC, 1, "-t", "-s", "-c"),
        TCP_CHANNELS_RTP_RTCP_PAIRS(Family.IPV4, Credential.STATIC, 2, "-t"),
        UDP_CHANNELS_REST_CREDENTIALS(Family.IPV4, Credential.REST, 1, "-c"),
        TCP_SEND_INDICATIONS_REST_CREDENTIALS(Family.IPV4, Credential.REST, 1, "-t", "-s", "-c"),
        /** Two clients relay to each other's relayed address: permissions between two allocations. */
        CLIENT_TO_CLIENT_UDP(Family.IPV4, Credential.STATIC, 2, "-y", "-c"),
        CLIENT_TO_CLIENT_TCP_SEND_INDICATIONS(Family.IPV4, Credential.STATIC, 2, "-y", "-t", "-s", "-c"),
        /** Over ::1 with an IPv6 relayed address (REQUESTED-ADDRESS-FAMILY, RFC 8656 §18.7). */
        IPV6_UDP_CHANNELS(Family.IPV6, Credential.STATIC, 1, "-x", "-c"),
        IPV6_TCP_SEND_INDICATIONS(Family.IPV6, Credential.STATIC, 1, "-x", "-t", "-s", "-c");

        final Family family;
        final Credential credential;
        /** Allocations uclient makes: without -c each client is an RTP/RTCP pair (EVEN-PORT, RESERVATION-TOKEN). */
        final int allocations;
        final List<String> flags;

        Relay(Family family, Credential credential, int allocations, String... flags) {
            this.family = family;
            this.credential = credential;
            this.allocations = allocations;
            this.flags = List.of(flags);
        }

        boolean clientToClient() {
            return flags.contains("-y");
        }
    }

    enum Family {
        IPV4("127.0.0.1"), IPV6("::1");

        final String loopback;

        Family(String loopback) {
            this.loopback = loopback;
        }
    }

    enum Credential { STATIC, REST }

    private static InteropTurnServer server;
    private static final List<ExternalProgram.Running> peers = new ArrayList<>();
    private static final Map<Family, Integer> peerPorts = new EnumMap<>(Family.class);
    private static final Map<Relay, CompletableFuture<ProgramRun>> runs = new EnumMap<>(Relay.class);
    private static ExecutorService runner;

    @BeforeAll
    static void startEveryRun() throws Exception {
        UCLIENT.requireInstalled();
        PEER.requireInstalled();
        server = InteropTurnServer.start();
        for (Family family : Family.values()) {
            if (family == Family.IPV4 || server.ipv6()) {
                int port = LoopbackPorts.freeUdpPort(InetAddress.getByName(family.loopback));
                peers.add(PEER.start(List.of("-L", family.loopback, "-p", Integer.toString(port))));
                peerPorts.put(family, port);
            }
        }
        runner = Executors.newVirtualThreadPerTaskExecutor();
        for (Relay relay : Relay.values()) {
            if (peerPorts.containsKey(relay.family)) {
                runs.put(relay, CompletableFuture.supplyAsync(() -> UCLIENT.run(TIMEOUT, arguments(relay)), runner));
            }
        }
    }

    @AfterAll
    static void stopEverything() {
        if (runner != null) {
            runner.shutdownNow();
        }
        peers.forEach(ExternalProgram.Running::close);
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Relay.class)
    void relaysEveryMessageAndItsEcho(Relay relay) {
        assumeTrue(runs.containsKey(relay), "no IPv6 loopback on this machine");
        ProgramRun run = runs.get(relay).join();
        String why = run.describe() + "\n" + server.status();

        assertThat(run.exitCode()).as(why).isZero();
        UclientSummary summary = UclientSummary.parse(run.output());
        assertThat(summary.errors()).as(why).isEmpty();
        assertThat(summary.sentMessages()).as(why).isEqualTo((long) MESSAGES * relay.allocations);
        assertThat(summary.receivedMessages()).as(why).isEqualTo(summary.sentMessages());
        assertThat(summary.receivedBytes()).as(why).isEqualTo(summary.sentBytes())
                .isEqualTo((long) MESSAGES * relay.allocations * MESSAGE_LENGTH);
        assertThat(summary.lostPackets()).as(why).isZero();
        assertThat(summary.sendDropped()).as(why).isZero();
    }

    @Test
    void aWrongPasswordCannotAllocate() {
        List<String> args = List.of("-c", "-n", "1", "-u", InteropTurnServer.USER, "-w", "not-the-password",
                "-p", port(server.staticCredentialsPort()), "-e", Family.IPV4.loopback,
                "-r", port(peerPorts.get(Family.IPV4)), "-L", Family.IPV4.loopback, Family.IPV4.loopback);

        ProgramRun run = UCLIENT.run(TIMEOUT, args);

        String why = run.describe() + "\n" + server.status();

        assertThat(run.exitCode()).as(why).isNotZero().isNotEqualTo(ProgramRun.TIMED_OUT);
        assertThat(UclientSummary.errorLines(run.output())).as(why)
                .anyMatch(line -> line.contains("Cannot complete Allocation"));
    }

    private static List<String> arguments(Relay relay) {
        List<String> args = new ArrayList<>(relay.flags);
        args.addAll(List.of("-n", Integer.toString(MESSAGES), "-l", Integer.toString(MESSAGE_LENGTH), "-z", "5",
                "-L", relay.family.loopback, "-u", InteropTurnServer.USER));
        if (relay.credential == Credential.STATIC) {
            args.addAll(List.of("-w", InteropTurnServer.PASSWORD, "-p", port(server.staticCredentialsPort())));
        } else {
            args.addAll(List.of("-W", InteropTurnServer.REST_SECRET, "-p", port(server.restCredentialsPort())));
        }
        if (!relay.clientToClient()) {
            args.addAll(List.of("-e", relay.family.loopback, "-r", port(peerPorts.get(relay.family))));
        }
        args.add(relay.family.loopback);
        return args;
    }

    private static String port(int port) {
        return Integer.toString(port);
    }
}
