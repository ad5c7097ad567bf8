package org.webrtcscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.net.SourceLogFilter;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.testing.WsTestClient;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;

/**
 * The log as a collector reads it ({@code --log-format json}): one JSON object a line, a line for each step of a
 * connection's and an allocation's life with the same id on each, and no secret in any line.
 */
class JsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TURN_SECRET = "json-log-test-secret";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private Logger root;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonLogEncoder encoder = new JsonLogEncoder();
        encoder.setContext(context);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        appender.stop();
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void aConnectionsAndAnAllocationsLifeAreLinesWithOneIdAndNoSecret() throws Exception {
        String sdpBody = "v=0 a=ice-pwd:sdp-body-that-must-not-be-logged";
        String resumeToken;
        String turnPassword;
        String conn;
        try (ScratchServer server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withTurn(TurnSettings.onLoopback().withSecret(RestApiSecret.of(TURN_SECRET))))) {
            try (WsTestClient alice = WsTestClient.connect(server.baseUri());
                 WsTestClient bob = WsTestClient.connect(server.baseUri())) {
                JsonNode welcome = alice.join("log-room", "Alice");
                resumeToken = welcome.path("resumeToken").asText();
                JsonNode turn = welcome.path("iceServers").get(1);
                turnPassword = turn.path("credential").asText();
                String bobId = bob.join("log-room", "Bob").path("peerId").asText();
                alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":{\"description\":{\"type\":"
                        + "\"offer\",\"sdp\":\"" + sdpBody + "\"}}}");
                alice.expect("peer-joined");
                bob.expect("signal");
                try (TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        server.turn().orElseThrow().port())).credentials(turn.path("username").asText(), turnPassword)) {
                    client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
                    client.authenticated(StunMethod.REFRESH, new Lifetime(0));
                }
                alice.send("{\"type\":\"leave\"}");
                alice.send("{\"type\":\"ping\"}");
                alice.expect("pong");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> server.signaling().connectionCount() == 0);
        }

        List<JsonNode> lines = lines();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                .contains("time", "level", "logger", "thread", "message"));
        JsonNode joined = lines.stream().filter(line -> line.path("message").asText().contains("joined as peer"))
                .findFirst().orElseThrow();
        conn = joined.path("conn").asText();
        assertThat(conn).isNotBlank();
        assertThat(joined.path("source").asText()).isEqualTo("127.0.0.1");
        assertThat(joined.path("level").asText()).isEqualTo("INFO");
        assertThat(lines.stream().filter(line -> conn.equals(line.path("conn").asText())))
                .as("every line of the connection names its client, the closing one too")
                .allSatisfy(line -> assertThat(line.path("source").asText()).isEqualTo("127.0.0.1"));
        List<String> lifeOfAlice = lines.stream().filter(line -> conn.equals(line.path("conn").asText()))
                .map(line -> line.path("message").asText()).toList();
        assertThat(lifeOfAlice).hasSize(4);
        assertThat(lifeOfAlice.get(0)).contains("opened from");
        assertThat(lifeOfAlice.get(1)).contains("joined as peer");
        assertThat(lifeOfAlice.get(2)).contains("left");
        assertThat(lifeOfAlice.get(3)).contains("closed with code");

        List<JsonNode> allocation = lines.stream()
                .filter(line -> line.path("logger").asText().endsWith("AllocationLog")).toList();
        assertThat(allocation).hasSize(2);
        assertThat(allocation.get(0).path("message").asText()).contains("made for");
        assertThat(allocation.get(1).path("message").asText()).contains("deleted");
        assertThat(allocation.get(1).path("conn").asText()).isEqualTo(allocation.get(0).path("conn").asText());

        String all = captured.toString(StandardCharsets.UTF_8);
        assertThat(all).doesNotContain(resumeToken, turnPassword, TURN_SECRET, "sdp-body-that-must-not-be-logged");
    }

    @Test
    void linesAboutOneAddressAreLimitedAndCountedOthersPass() {
        AtomicLong now = new AtomicLong(1_000);
        SourceLogFilter filter = new SourceLogFilter(3, now::get);
        filter.start();
        appender.addFilter(filter);
        org.slf4j.Logger log = LoggerFactory.getLogger("flood");
        long before = SourceLogFilter.suppressed();
        for (int i = 0; i < 5; i++) {
            log.atInfo().addKeyValue("source", "198.51.100.7").log("line {} from the flood", i);
        }
        log.atInfo().addKeyValue("source", "198.51.100.8").log("a line from someone else");
        log.info("a line about no client");
        now.addAndGet(Duration.ofSeconds(20).toNanos()); // a minute refills 3 lines: 20 s one
        log.atInfo().addKeyValue("source", "198.51.100.7").log("line after the wait");

        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("line 0", "line 1", "line 2", "someone else", "no client", "after the wait")
                .doesNotContain("line 3", "line 4");
        assertThat(SourceLogFilter.suppressed() - before).isEqualTo(2);
    }

    @Test
    void anUnknownFormatIsRefused() {
        LogOptions options = new LogOptions();
        options.format = "xml";
        options.linesPerMinutePerAddress = 10;
        assertThatThrownBy(options::apply).hasMessageContaining("--log-format must be text or json");
    }
}
