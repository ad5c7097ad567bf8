package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** coturn's {@code turnutils_stunclient} asks our server for its mapped address (RFC 8489 Binding). */
@Tag("interop")
class StunclientInteropTest {

    private static final ExternalProgram STUNCLIENT = ExternalProgram.coturnTool("turnutils_stunclient");
    /** stunclient sends once and never retransmits: with no answer it waits forever. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static InteropTurnServer server;

    @BeforeAll
    static void startServer() {
        STUNCLIENT.requireInstalled();
        server = InteropTurnServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void mapsTheClientToItsLoopbackAddress(String loopback) throws UnknownHostException {
        InetAddress address = requireFamily(loopback);

        ProgramRun run = STUNCLIENT.run(TIMEOUT, List.of("-p", port(), "-L", loopback, loopback));

        String why = run.describe() + "\n" + server.status();

        StunclientReport report = StunclientReport.parse(run.output());
        assertThat(run.exitCode()).as(why).isZero();
        assertThat(report.problems()).as(why).isEmpty();
        assertThat(report.reflexiveAddresses()).as(why).isNotEmpty().allSatisfy(mapped -> {
            assertThat(mapped.getAddress()).isEqualTo(address);
            assertThat(mapped.getPort()).isNotZero().isNotEqualTo(server.staticCredentialsPort());
        });
    }

    /** Through a forwarder, the test knows the source port the server saw, so it checks the port too. */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void mapsTheExactSourceAddressAndPort(String loopback) throws Exception {
        InetAddress address = requireFamily(loopback);

        try (UdpForwarder forwarder = UdpForwarder.to(new InetSocketAddress(address, server.staticCredentialsPort()))) {
            ProgramRun run = STUNCLIENT.run(TIMEOUT,
                    List.of("-p", Integer.toString(forwarder.clientSidePort()), "-L", loopback, loopback));
            String why = run.describe() + "\n" + server.status();

            StunclientReport report = StunclientReport.parse(run.output());
            assertThat(report.problems()).as(why).isEmpty();
            assertThat(report.reflexiveAddresses()).as(why).first()
                    .isEqualTo(forwarder.serverSideAddress());
        }
    }

    private static InetAddress requireFamily(String loopback) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(loopback);
        assumeTrue(address.getAddress().length == 4 || server.ipv6(), "no IPv6 loopback on this machine");
        return address;
    }

    private static String port() {
        return Integer.toString(server.staticCredentialsPort());
    }
}
