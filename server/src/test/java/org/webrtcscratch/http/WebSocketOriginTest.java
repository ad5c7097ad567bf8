package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;

/** Cross-site WebSocket hijacking and DNS rebinding, tried against a running server. */
class WebSocketOriginTest {

    private static ScratchServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withHttpSecurity(HttpSecurity.defaults()
                        .withAllowedOrigins(List.of("https://embed.example.org"))
                        .withAllowedHosts(List.of("call.example.net"))));
        port = server.httpPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageOfAnotherSiteIsRefusedWithTheReason() throws IOException {
        String response = upgrade("127.0.0.1:" + port, "https://evil.example.com");
        assertThat(response).startsWith("HTTP/1.1 403").contains("Origin 'https://evil.example.com'", "--allowed-origin");
    }

    @Test
    void aPageOfTheServerItselfConnects() throws IOException {
        assertThat(upgrade("127.0.0.1:" + port, "http://127.0.0.1:" + port)).startsWith("HTTP/1.1 101");
        assertThat(upgrade("localhost:" + port, "http://localhost:" + port)).startsWith("HTTP/1.1 101");
    }

    @Test
    void programsWithoutOriginStillConnect() throws IOException {
        assertThat(upgrade("127.0.0.1:" + port, null)).startsWith("HTTP/1.1 101");
        assertThat(upgrade("some.name.example:" + port, null)).startsWith("HTTP/1.1 101");
    }

    @Test
    void anAllowedOriginConnects() throws IOException {
        assertThat(upgrade("127.0.0.1:" + port, "https://EMBED.example.org")).startsWith("HTTP/1.1 101");
        assertThat(upgrade("127.0.0.1:" + port, "https://embed.example.org:8443")).startsWith("HTTP/1.1 403");
    }

    @Test
    void aRebindingPageIsRefusedByItsHost() throws IOException {
        // The attacker's name now points at us: the page is same-origin with itself, only Host tells.
        String response = upgrade("rebind.attacker.example:" + port, "http://rebind.attacker.example:" + port);
        assertThat(response).startsWith("HTTP/1.1 403").contains("Host 'rebind.attacker.example:" + port + "'",
                "--allowed-host");
    }

    @Test
    void anAllowedHostNameConnects() throws IOException {
        assertThat(upgrade("call.example.net:" + port, "http://call.example.net:" + port)).startsWith("HTTP/1.1 101");
    }

    @Test
    void refusalsAreCountedByReason() throws Exception {
        upgrade("127.0.0.1:" + port, "https://counted.example.com");
        upgrade("counted.attacker.example", "http://counted.attacker.example");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("scratch_http_upgrades_refused_total\\{reason=\"origin\"} [1-9]")
                .containsPattern("scratch_http_upgrades_refused_total\\{reason=\"host\"} [1-9]");
    }

    /** Sends an upgrade request with these Host and Origin headers and returns the response head. */
    private static String upgrade(String host, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "GET /ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            return readResponse(socket.getInputStream());
        }
    }

    /** The head and, for a refusal, its short body: whatever arrives until the head ends plus one read. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!response.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            response.write(buffer, 0, read);
        }
        String text = response.toString(StandardCharsets.US_ASCII);
        if (text.startsWith("HTTP/1.1 403") && !text.contains("--allowed-")) {
            int read = in.read(buffer);
            if (read > 0) {
                response.write(buffer, 0, read);
            }
        }
        return response.toString(StandardCharsets.US_ASCII);
    }
}
