package org.webrtcscratch.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.testing.WsTestClient;

/** HTTPS and WSS with a self-signed certificate that is kept, and with PEM files. */
class TlsServerTest {

    @TempDir
    Path state;

    private static ScratchServer start(TlsOptions tls) {
        return ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0).withTls(tls));
    }

    /** A client that trusts exactly the server's certificate, as a user who accepted it would. */
    private static HttpClient trusting(TlsIdentity identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", identity.chain().getFirst());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    @Test
    void selfSignedServesHttpsAndWssAndKeepsItsCertificate() throws Exception {
        TlsOptions options = new TlsOptions(TlsOptions.Mode.SELF_SIGNED, null, null, state);
        String firstFingerprint;
        try (ScratchServer server = start(options)) {
            assertThat(server.baseUri().getScheme()).isEqualTo("https");
            HttpClient client = trusting(server.tls());
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            try (WsTestClient ws = WsTestClient.connect(client, server.baseUri())) {
                assertThat(ws.join("secure", "Alice").path("peerId").asText()).isNotBlank();
            }
            firstFingerprint = server.tls().fingerprint();
            assertThat(firstFingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        }
        assertThat(state.resolve("tls/self-signed-cert.pem")).exists();
        try (ScratchServer again = start(options)) {
            assertThat(again.tls().fingerprint()).isEqualTo(firstFingerprint);
        }
    }

    @Test
    void pemFilesAreServedAsGiven() throws Exception {
        TlsIdentity identity = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"), Instant.now());
        Path cert = state.resolve("cert.pem");
        Path key = state.resolve("key.pem");
        PemFiles.write(identity, cert, key);
        assertThat(Files.readString(key)).contains("PRIVATE KEY");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        try (ScratchServer server = start(new TlsOptions(TlsOptions.Mode.PEM, cert, key, state))) {
            assertThat(server.tls().fingerprint()).isEqualTo(identity.fingerprint());
            HttpResponse<String> health = trusting(identity).send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}
