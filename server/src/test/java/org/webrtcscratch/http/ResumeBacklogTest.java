package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.signaling.SignalingLimits;
import org.webrtcscratch.testing.WsTestClient;

/**
 * What is held for a peer while it is away goes out through the connection's flow control when it resumes, and
 * counts in the queued-bytes budget meanwhile. Written in one go, a backlog of large signals went over the
 * connection's queue limit (4 MiB here) and the resumed connection was dropped as a slow reader (issue 14).
 */
class ResumeBacklogTest {

    private static final int SIGNALS = 200;
    /** An SDP-sized payload: 200 of them are about 12 MB, three times the connection's queue limit. */
    private static final String SDP = "v=0\\r\\n" + "a=x".repeat(20_000);

    private final List<AutoCloseable> open = new ArrayList<>();
    private ScratchServer server;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    private WsTestClient connect() {
        WsTestClient client = WsTestClient.connect(server.baseUri());
        open.add(client);
        return client;
    }

    @Test
    void aLargeHeldBacklogReachesTheResumedPeerInOrderAndCountsInTheBudgetMeanwhile() {
        SignalingLimits limits = SignalingLimits.defaults().withRate(1000, 2 * SIGNALS, Duration.ofSeconds(5))
                .withResumeWindow(Duration.ofMinutes(2));
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0).withLimits(limits));
        open.add(server);
        WsTestClient bob = connect();
        JsonNode bobWelcome = bob.join("backlog", "Bob");
        WsTestClient alice = connect();
        alice.join("backlog", "Alice");
        bob.expect("peer-joined");

        bob.abort();
        String to = bobWelcome.path("peerId").asText();
        // Until the server has noticed the drop, a signal goes to the dead connection; from then on it is held.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            alice.send(signal(to, -1, "probe"));
            return server.signaling().held().bytes() > 0;
        });
        for (int i = 0; i < SIGNALS; i++) {
            alice.send(signal(to, i, SDP));
        }
        // Every one held, bytes counted: each is more than its SDP.
        await().atMost(Duration.ofSeconds(30)).until(() -> server.signaling().held().bytes() > SIGNALS * (long) SDP.length());
        assertThat(server.signaling().held().dropped()).isZero();

        WsTestClient back = connect();
        back.send("{\"type\":\"join\",\"room\":\"backlog\",\"name\":\"Bob\",\"resume\":\""
                + bobWelcome.path("resumeToken").asText() + "\"}");
        assertThat(back.expect("welcome").path("resumed").asBoolean()).isTrue();
        int next = 0;
        while (next < SIGNALS) {
            JsonNode signal = back.expect("signal");
            int n = signal.path("payload").path("n").asInt();
            if (n >= 0) {
                assertThat(n).as("the held signals in order").isEqualTo(next++);
            }
        }
        assertThat(back.isOpen()).as("the resumed connection, not dropped as a slow reader").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> server.signaling().held().bytes() == 0);
        // Still a working connection: new signals come after the backlog.
        alice.send(signal(to, SIGNALS, "after"));
        assertThat(back.expect("signal").path("payload").path("n").asInt()).isEqualTo(SIGNALS);
    }

    private static String signal(String to, int n, String sdp) {
        return "{\"type\":\"signal\",\"to\":\"" + to + "\",\"payload\":{\"n\":" + n
                + ",\"description\":{\"type\":\"offer\",\"sdp\":\"" + sdp + "\"}}}";
    }
}
