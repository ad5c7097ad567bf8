package org.webrtcscratch.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.turn.TurnSettings;

/**
 * A renewed certificate in the PEM files is put in use for new HTTPS and TURN-over-TLS connections without a
 * restart, while connections already up carry on; files that cannot be used leave the certificate in use.
 */
class TlsReloadTest {

    private static final TlsIdentity A = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"), Instant.now());
    private static final TlsIdentity B = SelfSignedCertificate.create(List.of("localhost", "127.0.0.1"), Instant.now());

    @TempDir
    Path dir;

    @Test
    void aRenewedCertificateServesNewConnectionsAndABrokenOneIsIgnored() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        PemFiles.write(A, cert, key);
        PemFiles.write(A, dir.resolve("a-cert.pem"), dir.resolve("a-key.pem"));
        TlsOptions tls = new TlsOptions(TlsOptions.Mode.PEM, cert, key, dir).withReloadInterval(Duration.ofMillis(100));
        try (ScratchServer server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withTls(tls).withTurn(new TurnMode.Local(TurnSettings.onLoopback(), OptionalInt.of(0))));
             SSLSocket old = connect(new InetSocketAddress("127.0.0.1", server.httpPort()))) {
            InetSocketAddress https = new InetSocketAddress("127.0.0.1", server.httpPort());
            InetSocketAddress turns = server.turn().orElseThrow().tlsAddresses().getFirst();
            assertThat(fingerprintOf(old)).isEqualTo(A.fingerprint());
            assertThat(get(old, "/healthz")).startsWith("HTTP/1.1 200");
            assertThat(presented(turns)).isEqualTo(A.fingerprint());

            PemFiles.write(B, cert, key);
            await().atMost(Duration.ofSeconds(30)).until(() -> presented(https).equals(B.fingerprint()));
            await().atMost(Duration.ofSeconds(30)).until(() -> presented(turns).equals(B.fingerprint()));
            assertThat(server.tls().fingerprint()).isEqualTo(B.fingerprint());
            // The connection made before the renewal is still up, on the certificate it started with.
            assertThat(get(old, "/healthz")).startsWith("HTTP/1.1 200");
            assertThat(fingerprintOf(old)).isEqualTo(A.fingerprint());

            // A certificate cut short, then B's certificate beside A's key (a renewal caught half-way): both kept out.
            String whole = Files.readString(cert);
            double before = rejections(server);
            Files.writeString(cert, whole.substring(0, whole.length() / 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> rejections(server) > before);
            assertThat(presented(https)).isEqualTo(B.fingerprint());
            Files.writeString(cert, whole);
            Files.writeString(key, Files.readString(dir.resolve("a-key.pem")));
            await().atMost(Duration.ofSeconds(30)).until(() -> rejections(server) > before + 1);
            assertThat(presented(https)).isEqualTo(B.fingerprint());
            assertThat(presented(turns)).isEqualTo(B.fingerprint());
            assertThat(server.tls().fingerprint()).isEqualTo(B.fingerprint());
        }
    }

    /** What an operator sees: the counter on /metrics. */
    private static double rejections(ScratchServer server) throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) server.baseUri().resolve("/metrics").toURL()
                .openConnection();
        connection.setSSLSocketFactory(trustAll().getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        String metrics = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return metrics.lines().filter(line -> line.startsWith("scratch_tls_reloads_total{outcome=\"rejected\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The SHA-256 of the certificate a new TLS connection to {@code address} is shown. */
    private static String presented(InetSocketAddress address) throws Exception {
        try (SSLSocket socket = connect(address)) {
            return fingerprintOf(socket);
        }
    }

    private static String fingerprintOf(SSLSocket socket) throws Exception {
        X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return new TlsIdentity(A.key(), List.of(leaf)).fingerprint();
    }

    private static SSLSocket connect(InetSocketAddress address) throws Exception {
        SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket(address.getAddress(), address.getPort());
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    /** One request on a kept-alive connection; the status line and headers of the answer, its body read. */
    private static String get(SSLSocket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(15).strip())).findFirst().orElse(0);
        in.readNBytes(length);
        return headers;
    }

    /** The test checks which certificate is presented, so it trusts any. */
    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
