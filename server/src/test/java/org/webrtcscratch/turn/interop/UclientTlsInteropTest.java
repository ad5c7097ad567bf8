package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webrtcscratch.tls.SelfSignedCertificate;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.transport.TlsListening;

/**
 * coturn's {@code turnutils_uclient -S} (TLS over TCP, RFC 8656 §3.1) relays through our TURN-over-TLS listener
 * to {@code turnutils_peer}, with ChannelData and with Send indications, and counts the echoes.
 */
@Tag("interop")
class UclientTlsInteropTest {

    private static final ExternalProgram UCLIENT = ExternalProgram.coturnTool("turnutils_uclient");
    private static final ExternalProgram PEER = ExternalProgram.coturnTool("turnutils_peer");
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int MESSAGES = 20;
    /** Not a multiple of 4, so that ChannelData needs its padding inside TLS too. */
    private static final int MESSAGE_LENGTH = 181;

    private TurnServer server;
    private ExternalProgram.Running peer;
    private int peerPort;

    @BeforeEach
    void start() {
        UCLIENT.requireInstalled();
        PEER.requireInstalled();
        TurnSettings settings = TurnSettings.onLoopback()
                .withUsers(List.of(InteropTurnServer.USER + ":" + InteropTurnServer.PASSWORD))
                .withTls(Optional.of(new TlsListening(SelfSignedCertificate.create(List.of(LOOPBACK), Instant.now())
                        .sslContext(), 0)));
        TurnConfig config = settings.config().toBuilder().realm(InteropTurnServer.REALM).build();
        server = TurnServer.start(settings.withConfig(config));
        peerPort = LoopbackPorts.freeUdpPort(InetAddress.getLoopbackAddress());
        peer = PEER.start(List.of("-L", LOOPBACK, "-p", Integer.toString(peerPort)));
    }

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-c", "-s"})
    void relaysEveryMessageAndItsEchoOverTls(String channelsOrIndications) {
        List<String> args = List.of("-t", "-S", "-c", channelsOrIndications, "-n", Integer.toString(MESSAGES),
                "-l", Integer.toString(MESSAGE_LENGTH), "-z", "5", "-L", LOOPBACK, "-u", InteropTurnServer.USER,
                "-w", InteropTurnServer.PASSWORD, "-p", Integer.toString(server.tlsPort().orElseThrow()),
                "-e", LOOPBACK, "-r", Integer.toString(peerPort), LOOPBACK);

        ProgramRun run = UCLIENT.run(TIMEOUT, args);

        String why = run.describe() + "\nallocations now: " + server.allocationCount();
        assertThat(run.exitCode()).as(why).isZero();
        UclientSummary summary = UclientSummary.parse(run.output());
        // uclient tries TLS 1.0 and 1.1 first; the JDK refuses them (a protocol_version alert), as it should.
        assertThat(summary.errors()).as(why).allMatch(line -> line.contains("alert protocol version")
                || line.contains("tls_connect: cannot connect"));
        assertThat(run.output()).as(why).containsPattern("session connected with cipher \\S+, method=TLSv1\\.[23]");
        assertThat(summary.sentMessages()).as(why).isEqualTo(MESSAGES);
        assertThat(summary.receivedMessages()).as(why).isEqualTo(summary.sentMessages());
        assertThat(summary.receivedBytes()).as(why).isEqualTo(summary.sentBytes())
                .isEqualTo((long) MESSAGES * MESSAGE_LENGTH);
        assertThat(summary.lostPackets()).as(why).isZero();
    }
}
