package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.signaling.SignalingLimits;
import org.webrtcscratch.testing.WsTestClient;

/**
 * Many slow readers, each sent far more than it reads: what waits for them stays within the configured budget
 * (per address and in total), they are dropped, and a well-behaved pair in another room still relays.
 */
class SlowReaderFloodTest {

    private static final long PER_ADDRESS = 2L << 20;
    private static final long TOTAL = 3L << 20;
    private static final int SLOW_READERS_PER_ADDRESS = 4;
    /** Far more than the kernel's socket buffers and the budget together take for one reader. */
    private static final int SIGNALS_PER_READER = 200;
    private static final String BIG_SIGNAL_PAYLOAD = "{\"description\":{\"type\":\"offer\",\"sdp\":\""
            + "v=0 ".repeat(15_000) + "\"}}";

    private static ScratchServer server;

    @BeforeAll
    static void start() {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withLimits(SignalingLimits.defaults().withRate(100_000, 100_000, Duration.ofSeconds(5))
                        .withResumeWindow(Duration.ZERO).withAddressLimits(1000, PER_ADDRESS, TOTAL))
                .withHttpSecurity(HttpSecurity.defaults().withAddressLimitsOnLoopback(true)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void slowReadersStayWithinTheBudgetAndOthersStillRelay() throws Exception {
        try (WsTestClient alice = client("127.0.0.2"); WsTestClient bob = client("127.0.0.2")) {
            alice.join("quiet-room", "Alice");
            bob.join("quiet-room", "Bob");
            String bobId = alice.expect("peer-joined").path("peer").path("peerId").asText();

            List<RawSocket> slowReaders = new ArrayList<>();
            for (String address : List.of("127.0.0.1", "127.0.0.3")) {
                for (int i = 0; i < SLOW_READERS_PER_ADDRESS; i++) {
                    slowReaders.add(flood(address, "flood-" + address.replace('.', '-') + "-" + i));
                }
            }

            assertThat(metric("scratch_websocket_dropped_total\\{reason=\"budget\"}")).isPositive();
            assertThat(metric("scratch_websocket_queued_bytes_max")).isPositive().isLessThanOrEqualTo(TOTAL + 1024);
            alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":{\"candidate\":null}}");
            assertThat(bob.expect("signal").path("payload").has("candidate")).isTrue();
            for (RawSocket reader : slowReaders) {
                reader.close();
            }
        }
    }

    /** A slow reader from {@code address} joins {@code room}, where a sender sends it far more than it reads. */
    private static RawSocket flood(String address, String room) throws IOException {
        RawSocket reader = RawSocket.connectSlowReader(server.httpPort(), address);
        assertThat(reader.upgrade()).startsWith("HTTP/1.1 101");
        try (WsTestClient sender = client("127.0.0.4")) {
            sender.join(room, "Sender");
            reader.send(ClientFrames.masked(0x1, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"Slow\"}"));
            JsonNode joined = sender.expect("peer-joined");
            String target = joined.path("peer").path("peerId").asText();
            for (int i = 0; i < SIGNALS_PER_READER; i++) {
                sender.send("{\"type\":\"signal\",\"to\":\"" + target + "\",\"payload\":" + BIG_SIGNAL_PAYLOAD + "}");
            }
            sender.expect("peer-left"); // dropped as too slow; with no resume window, that is a departure
        }
        return reader;
    }

    private static WsTestClient client(String localAddress) throws IOException {
        return WsTestClient.connect(HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build(),
                server.baseUri());
    }

    private static long metric(String pattern) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri() + "metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("(?m)^" + pattern + " ([0-9.E+]+)$").matcher(text);
        assertThat(matcher.find()).as("metric %s in %s", pattern, text.lines().filter(l -> l.contains("websocket"))
                .toList()).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
