package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;

/** Slowloris and descriptor exhaustion from one address, against a running server. */
class ConnectionGuardTest {

    private static final int MAX_PER_ADDRESS = 4;
    private static ScratchServer server;

    @BeforeAll
    static void start() {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withHttpSecurity(HttpSecurity.defaults().withMaxConnectionsPerAddress(MAX_PER_ADDRESS)
                        .withHeaderTimeout(Duration.ofSeconds(1)).withAddressLimitsOnLoopback(true)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aClientTricklingItsHeadersIsCutOffWhileAnUpgradedSocketStays() throws Exception {
        try (Socket webSocket = open(); Socket slowloris = open()) {
            String upgrade = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
            webSocket.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(webSocket.getInputStream())).startsWith("HTTP/1.1 101");

            OutputStream out = slowloris.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean cutOff = false;
            // Each line comes well within any idle timeout; only a deadline for the whole head stops it.
            for (int line = 0; line < 100 && !cutOff; line++) {
                Thread.sleep(200);
                try {
                    out.write(("X-Slow-" + line + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slowloris.setSoTimeout(1);
                    cutOff = slowloris.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing to read yet: the server still holds it
                } catch (SocketException reset) {
                    cutOff = true;
                }
            }
            assertThat(cutOff).as("the slow head was cut off").isTrue();

            // The WebSocket opened before the deadline is still served: a ping is answered.
            webSocket.getOutputStream().write(new byte[] {(byte) 0x89, (byte) 0x80, 1, 2, 3, 4});
            assertThat(webSocket.getInputStream().read()).isEqualTo(0x8A);
        }
        assertThat(metric("header-timeout")).isPositive();
    }

    @Test
    void oneAddressGetsItsMaximumOfConnectionsAndNoMore() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PER_ADDRESS; i++) {
                held.add(open());
            }
            try (Socket oneTooMany = open()) {
                oneTooMany.setSoTimeout(10_000);
                assertThat(readOrReset(oneTooMany.getInputStream())).as("closed at once").isLessThan(0);
            }
            held.removeFirst().close();
            assertThat(getStatus("/healthz")).as("room again once one closed").isEqualTo(200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        assertThat(metric("per-address")).isPositive();
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.httpPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** A request on a fresh connection (the held ones may have used up the address's share). */
    private static int getStatus(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri() + path.substring(1)))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long metric(String reason) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri() + "metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        String prefix = "scratch_http_connections_refused_total{reason=\"" + reason + "\"} ";
        return text.lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(prefix.length()))).findFirst().orElse(-1);
    }
}
