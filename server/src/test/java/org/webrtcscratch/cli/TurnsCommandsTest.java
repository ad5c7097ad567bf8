package org.webrtcscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.Trusting;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.testing.WsTestClient;
import org.webrtcscratch.tls.PemFiles;
import org.webrtcscratch.tls.SelfSignedCertificate;
import org.webrtcscratch.tls.TlsIdentity;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.transport.TlsListening;

/**
 * {@code turns:} across two machines: the {@code turn} command runs TURN over TLS with the certificate it is
 * given ({@code --tls-cert}, {@code --tls-key}), and {@code serve --turn-remote} with
 * {@code --turn-remote-tls-port} hands browsers that machine's {@code turns:} URL, whose credentials allocate
 * over TLS there.
 */
class TurnsCommandsTest {

    @TempDir
    Path dir;

    @Test
    void serveHandsOutTheTurnsUrlOfAStandaloneTurnMachineWhichAllocatesOverTls() throws Exception {
        TlsIdentity identity = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"), Instant.now());
        PemFiles.write(identity, dir.resolve("cert.pem"), dir.resolve("key.pem"));
        TurnSettings fromCommand = turnCommand("--host", "127.0.0.1", "--turn-secret", "shared",
                "--turn-relay-ip", "127.0.0.1", "--tls-cert", dir.resolve("cert.pem").toString(),
                "--tls-key", dir.resolve("key.pem").toString()).toSettings();
        assertThat(fromCommand.tls()).hasValueSatisfying(tls -> assertThat(tls.port()).isEqualTo(5349));
        // The command's settings, on free ports rather than 3478 and 5349.
        TurnSettings settings = fromCommand.withPort(0)
                .withTls(fromCommand.tls().map(tls -> new TlsListening(tls.context(), 0)));
        SSLContext trust = Trusting.only(identity);

        try (TurnServer turn = TurnServer.start(settings)) {
            int tlsPort = turn.tlsPort().orElseThrow();
            ServerConfig config = ((ServeCommand) parse("serve", "--host", "127.0.0.1", "--turn-secret", "shared",
                    "--turn-remote", "127.0.0.1:" + turn.port(), "--turn-remote-tls-port", String.valueOf(tlsPort)))
                    .toConfig().withHttpPort(0);
            assertThat(((TurnMode.Remote) config.turn()).tlsPort()).isEqualTo(OptionalInt.of(tlsPort));
            try (ScratchServer serve = ScratchServer.start(config);
                    WsTestClient alice = WsTestClient.connect(serve.baseUri())) {
                JsonNode ice = alice.join("remote-turns", "Alice").path("iceServers").get(1);
                List<String> urls = new ArrayList<>();
                ice.path("urls").forEach(url -> urls.add(url.asText()));
                assertThat(urls).contains("turns:127.0.0.1:" + tlsPort + "?transport=tcp");

                try (TurnTestClient client = TurnTestClient.tls(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), trust)
                        .credentials(ice.path("username").asText(), ice.path("credential").asText())) {
                    assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.ALLOCATE,
                            RequestedTransport.UDP))).isZero();
                }
            }
        }
    }

    @Test
    void withoutACertificateTheTurnCommandHasNoTlsAndHalfACertificateIsRefused() {
        assertThat(turnCommand("--host", "127.0.0.1", "--turn-secret", "s").toSettings().tls()).isEmpty();
        assertThatThrownBy(() -> turnCommand("--host", "127.0.0.1", "--tls-cert", "cert.pem").toSettings())
                .hasMessageContaining("--tls-key");
        assertThatThrownBy(() -> turnCommand("--host", "127.0.0.1", "--tls-cert", dir.resolve("none.pem").toString(),
                "--tls-key", dir.resolve("none.key").toString()).toSettings())
                .hasMessageContaining("cannot read --tls-cert");
    }

    @Test
    void aRemoteTlsPortNeedsARemote() {
        assertThatThrownBy(() -> ((ServeCommand) parse("serve", "--turn-remote-tls-port", "5349")).toConfig())
                .hasMessageContaining("--turn-remote");
        assertThat(((TurnMode.Remote) ((ServeCommand) parse("serve", "--turn-remote", "turn.example.org",
                "--turn-secret", "s")).toConfig().turn()).tlsPort()).isEmpty();
    }

    private static TurnCommand turnCommand(String... args) {
        return (TurnCommand) parse("turn", args);
    }

    private static Object parse(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        return ScratchCommand.commandLine().parseArgs(all.toArray(String[]::new)).subcommand().commandSpec()
                .userObject();
    }
}
