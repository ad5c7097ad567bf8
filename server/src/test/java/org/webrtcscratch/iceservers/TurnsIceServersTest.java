package org.webrtcscratch.iceservers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.Trusting;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.testing.WsTestClient;
import org.webrtcscratch.tls.PemFiles;
import org.webrtcscratch.tls.SelfSignedCertificate;
import org.webrtcscratch.tls.TlsIdentity;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.auth.TurnCredentialIssuer;
import org.webrtcscratch.turn.proto.RequestedTransport;

/** With a certificate, {@code serve} runs TURN over TLS and hands browsers a {@code turns:} URL that works. */
class TurnsIceServersTest {

    @TempDir
    Path state;

    @Test
    void welcomeCarriesATurnsUrlWhoseCredentialsAllocateOverTls() throws Exception {
        TlsIdentity identity = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"), Instant.now());
        PemFiles.write(identity, state.resolve("cert.pem"), state.resolve("key.pem"));
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withTls(new TlsOptions(TlsOptions.Mode.PEM, state.resolve("cert.pem"), state.resolve("key.pem"), state))
                .withTurn(new TurnMode.Local(TurnSettings.onLoopback(), OptionalInt.of(0)));
        SSLContext trust = Trusting.only(identity);
        try (ScratchServer server = ScratchServer.start(config);
                WsTestClient alice = WsTestClient.connect(HttpClient.newBuilder().sslContext(trust).build(),
                        server.baseUri())) {
            int tlsPort = server.turn().orElseThrow().tlsPort().orElseThrow();
            JsonNode turn = alice.join("secure-turn", "Alice").path("iceServers").get(1);
            List<String> urls = new ArrayList<>();
            turn.path("urls").forEach(url -> urls.add(url.asText()));
            assertThat(urls).contains("turns:127.0.0.1:" + tlsPort + "?transport=tcp");

            try (TurnTestClient client = TurnTestClient.tls(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort), trust)
                    .credentials(turn.path("username").asText(), turn.path("credential").asText())) {
                assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP)))
                        .isZero();
            }
        }
    }

    @Test
    void withoutTlsThereIsNoTurnsUrl() {
        TurnCredentialIssuer issuer = new TurnCredentialIssuer(RestApiSecret.of("s3cret"),
                SettableClock.atEpochSecond(1_700_000_000), Duration.ofHours(1));
        assertThat(new TurnIceServers(issuer, 3478, OptionalInt.empty(), Optional.of("203.0.113.9"), List.of())
                .iceServersFor("p", null).get(1).urls()).noneMatch(url -> url.startsWith("turns:"));
        assertThat(new TurnIceServers(issuer, 3478, OptionalInt.of(443), Optional.of("203.0.113.9"), List.of())
                .iceServersFor("p", null).get(1).urls()).containsExactly("turn:203.0.113.9:3478?transport=udp",
                "turn:203.0.113.9:3478?transport=tcp", "turns:203.0.113.9:443?transport=tcp");
    }
}
