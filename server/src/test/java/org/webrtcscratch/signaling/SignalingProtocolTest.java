package org.webrtcscratch.signaling;

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
import org.webrtcscratch.testing.WsTestClient;

/** The signaling protocol (docs/protocol.md) over real WebSockets against a running server. */
class SignalingProtocolTest {

    private static final String OFFER = "{\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}";

    private final List<AutoCloseable> open = new ArrayList<>();
    private ScratchServer server;

    private ScratchServer start(SignalingLimits limits) {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0).withLimits(limits));
        open.add(server);
        return server;
    }

    private ScratchServer start() {
        return start(SignalingLimits.defaults());
    }

    private WsTestClient client() {
        WsTestClient client = WsTestClient.connect(server.baseUri());
        open.add(0, client);
        return client;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void joinWelcomesAndAnnouncesToTheOthers() {
        start();
        WsTestClient alice = client();
        JsonNode aliceWelcome = alice.join("room-1", "Alice");
        assertThat(aliceWelcome.path("peers")).isEmpty();
        assertThat(aliceWelcome.path("peerId").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(aliceWelcome.path("resumeToken").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(aliceWelcome.path("iceServers").isArray()).isTrue();
        assertThat(aliceWelcome.path("resumed").asBoolean()).isFalse();

        WsTestClient bob = client();
        JsonNode bobWelcome = bob.join("room-1", "  Bob  ");
        assertThat(bobWelcome.path("name").asText()).isEqualTo("Bob");
        assertThat(bobWelcome.path("peers").get(0).path("peerId").asText())
                .isEqualTo(aliceWelcome.path("peerId").asText());
        assertThat(bobWelcome.path("peers").get(0).path("name").asText()).isEqualTo("Alice");

        JsonNode joined = alice.expect("peer-joined");
        assertThat(joined.path("peer").path("peerId").asText()).isEqualTo(bobWelcome.path("peerId").asText());
        assertThat(joined.path("peer").path("name").asText()).isEqualTo("Bob");
    }

    @Test
    void signalIsRelayedOnlyToItsTargetWithFromSetByTheServer() throws InterruptedException {
        start();
        WsTestClient alice = client();
        String aliceId = alice.join("relay", "Alice").path("peerId").asText();
        WsTestClient bob = client();
        String bobId = bob.join("relay", "Bob").path("peerId").asText();
        alice.expect("peer-joined");
        WsTestClient carol = client();
        carol.join("relay", "Carol");
        alice.expect("peer-joined");
        bob.expect("peer-joined");

        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"from\":\"forged\",\"payload\":" + OFFER + "}");
        JsonNode relayed = bob.expect("signal");
        assertThat(relayed.path("from").asText()).isEqualTo(aliceId);
        assertThat(relayed.path("payload").path("description").path("sdp").asText()).isEqualTo("v=0\r\n");
        carol.expectNothing(Duration.ofMillis(300));

        bob.send("{\"type\":\"signal\",\"to\":\"" + aliceId + "\",\"payload\":{\"candidate\":{\"candidate\":"
                + "\"candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}}");
        assertThat(alice.expect("signal").path("payload").path("candidate").path("sdpMid").asText()).isEqualTo("0");
        bob.send("{\"type\":\"signal\",\"to\":\"" + aliceId + "\",\"payload\":{\"candidate\":null}}");
        assertThat(alice.expect("signal").path("payload").path("candidate").isNull()).isTrue();
    }

    @Test
    void signalToAPeerOutsideTheRoomIsRefusedAndNothingLeaks() throws InterruptedException {
        start();
        WsTestClient alice = client();
        alice.join("one", "Alice");
        WsTestClient mallory = client();
        String malloryId = mallory.join("two", "Mallory").path("peerId").asText();

        alice.send("{\"type\":\"signal\",\"id\":7,\"to\":\"" + malloryId + "\",\"payload\":" + OFFER + "}");
        JsonNode error = alice.expectError("unknown-peer");
        assertThat(error.path("re").asInt()).isEqualTo(7);
        assertThat(error.path("request").asText()).isEqualTo("signal");
        mallory.expectNothing(Duration.ofMillis(300));

        alice.send("{\"type\":\"ping\"}").expect("pong");
    }

    @Test
    void everyKindOfBadInputIsAnsweredAndTheConnectionAndRoomStayHealthy() {
        start();
        WsTestClient alice = client();
        WsTestClient bob = client();
        String bobId;

        alice.send("{\"type\":\"signal\",\"to\":\"x\",\"payload\":" + OFFER + "}").expectError("not-joined");
        alice.send("{\"type\":\"leave\"}").expectError("not-joined");
        alice.join("healthy", "Alice");
        bobId = bob.join("healthy", "Bob").path("peerId").asText();
        alice.expect("peer-joined");

        alice.send("not json at all").expectError("bad-json");
        alice.send("[1,2,3]").expectError("bad-json");
        alice.send("{\"type\":\"join\",\"type\":\"leave\"}").expectError("bad-json");
        alice.send("{\"room\":\"x\"}").expectError("unknown-type");
        alice.send("{\"type\":\"dance\"}").expectError("unknown-type");
        alice.send("{\"type\":42}").expectError("unknown-type");
        alice.send("{\"type\":\"signal\",\"payload\":" + OFFER + "}").expectError("bad-request");
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\"}").expectError("bad-request");
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":{}}").expectError("bad-request");
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":{\"description\":{\"type\":\"hello\","
                + "\"sdp\":\"\"}}}").expectError("bad-request");
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":{\"candidate\":{\"sdpMid\":\"0\"}}}")
                .expectError("bad-request");
        alice.send("{\"type\":\"signal\",\"id\":{\"a\":1},\"to\":\"" + bobId + "\",\"payload\":" + OFFER + "}")
                .expectError("bad-request");
        alice.send("{\"type\":\"join\",\"room\":\"healthy\",\"name\":\"Alice\"}").expectError("already-joined");
        alice.send("{\"type\":\"signal\",\"to\":\"" + alice.hashCode() + "\",\"payload\":" + OFFER + "}")
                .expectError("unknown-peer");
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":{\"description\":{\"type\":\"offer\","
                + "\"sdp\":\"" + "a".repeat(70_000) + "\"}}}").expectError("too-large");
        alice.sendBinary(new byte[] {1, 2, 3}).expectError("binary-not-supported");

        // Nothing of the above reached Bob, and the connection and room still work both ways.
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":" + OFFER + "}");
        assertThat(bob.expect("signal").path("payload").path("description").path("type").asText()).isEqualTo("offer");
        assertThat(server.signaling().peerCount()).isEqualTo(2);
        assertThat(alice.isOpen()).isTrue();
    }

    @Test
    void badRoomAndDisplayNamesAreRefused() {
        start();
        WsTestClient alice = client();
        alice.send("{\"type\":\"join\",\"room\":\"no spaces\",\"name\":\"Alice\"}").expectError("bad-room-name");
        alice.send("{\"type\":\"join\",\"room\":\"" + "r".repeat(65) + "\",\"name\":\"Alice\"}")
                .expectError("bad-room-name");
        alice.send("{\"type\":\"join\",\"room\":\"ok\",\"name\":\"   \"}").expectError("bad-name");
        alice.send("{\"type\":\"join\",\"room\":\"ok\",\"name\":\"" + "n".repeat(41) + "\"}").expectError("bad-name");
        alice.send("{\"type\":\"join\",\"room\":\"ok\",\"name\":\"evil\\u202Eeman\"}").expectError("bad-name");
        alice.send("{\"type\":\"join\",\"room\":\"ok\",\"name\":\"bell\\u0007\"}").expectError("bad-name");
        assertThat(alice.join("ok", "Zoë 👩‍💻").path("name").asText()).isEqualTo("Zoë 👩‍💻");
    }

    @Test
    void aFullRoomRefusesTheNextPeerAndKeepsTheOthers() {
        start(SignalingLimits.defaults().withRoomCapacity(2));
        client().join("small", "A");
        client().join("small", "B");
        WsTestClient third = client();
        third.send("{\"type\":\"join\",\"room\":\"small\",\"name\":\"C\"}").expectError("room-full");
        assertThat(third.join("elsewhere", "C").path("room").asText()).isEqualTo("elsewhere");
        assertThat(server.signaling().peerCount()).isEqualTo(3);
    }

    @Test
    void leaveAndCloseTellTheOthersAndTheRoomGoesWithItsLastPeer() {
        start();
        WsTestClient alice = client();
        WsTestClient bob = client();
        alice.join("bye", "Alice");
        String bobId = bob.join("bye", "Bob").path("peerId").asText();
        alice.expect("peer-joined");

        bob.send("{\"type\":\"leave\"}");
        JsonNode left = alice.expect("peer-left");
        assertThat(left.path("peerId").asText()).isEqualTo(bobId);
        assertThat(left.path("reason").asText()).isEqualTo("left");

        String bobAgain = bob.join("bye", "Bob").path("peerId").asText();
        assertThat(bobAgain).isNotEqualTo(bobId);
        alice.expect("peer-joined");
        bob.close();
        assertThat(alice.expect("peer-left").path("reason").asText()).isEqualTo("left");
        alice.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.signaling().roomCount() == 0);
        assertThat(server.signaling().peerCount()).isZero();
    }

    @Test
    void aDroppedPeerResumesWithTheSameIdAndGetsWhatWasSentMeanwhile() throws InterruptedException {
        start(SignalingLimits.defaults().withResumeWindow(Duration.ofSeconds(20)));
        WsTestClient alice = client();
        String aliceId = alice.join("resume", "Alice").path("peerId").asText();
        WsTestClient bob = client();
        JsonNode bobWelcome = bob.join("resume", "Bob");
        String bobId = bobWelcome.path("peerId").asText();
        alice.expect("peer-joined");

        bob.abort();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.signaling().connectionCount() == 1);
        alice.send("{\"type\":\"signal\",\"to\":\"" + bobId + "\",\"payload\":" + OFFER + "}");
        alice.expectNothing(Duration.ofMillis(300)); // no peer-left: Bob is within his resume window

        WsTestClient bobAgain = client();
        bobAgain.send("{\"type\":\"join\",\"room\":\"resume\",\"name\":\"Bob\",\"resume\":\""
                + bobWelcome.path("resumeToken").asText() + "\"}");
        JsonNode welcome = bobAgain.expect("welcome");
        assertThat(welcome.path("resumed").asBoolean()).isTrue();
        assertThat(welcome.path("peerId").asText()).isEqualTo(bobId);
        assertThat(bobAgain.expect("signal").path("from").asText()).isEqualTo(aliceId);
        alice.expectNothing(Duration.ofMillis(300));
    }

    @Test
    void aResumeTakesOverAConnectionTheServerStillThinksIsAlive() {
        start();
        WsTestClient alice = client();
        alice.join("takeover", "Alice");
        WsTestClient bob = client();
        JsonNode bobWelcome = bob.join("takeover", "Bob");
        alice.expect("peer-joined");

        WsTestClient bobAgain = client();
        bobAgain.send("{\"type\":\"join\",\"room\":\"takeover\",\"name\":\"Bob\",\"resume\":\""
                + bobWelcome.path("resumeToken").asText() + "\"}");
        assertThat(bobAgain.expect("welcome").path("peerId").asText()).isEqualTo(bobWelcome.path("peerId").asText());
        assertThat(bob.awaitClose()).isEqualTo(1000);
        assertThat(server.signaling().peerCount()).isEqualTo(2);
    }

    @Test
    void aDroppedPeerThatDoesNotComeBackLeavesWhenItsWindowEnds() {
        start(SignalingLimits.defaults().withResumeWindow(Duration.ofMillis(300)));
        WsTestClient alice = client();
        alice.join("gone", "Alice");
        WsTestClient bob = client();
        String bobId = bob.join("gone", "Bob").path("peerId").asText();
        alice.expect("peer-joined");
        bob.abort();
        JsonNode left = alice.expect("peer-left");
        assertThat(left.path("peerId").asText()).isEqualTo(bobId);
        assertThat(left.path("reason").asText()).isEqualTo("disconnected");
    }

    @Test
    void anUnknownResumeTokenJoinsAsANewPeer() {
        start();
        WsTestClient alice = client();
        alice.send("{\"type\":\"join\",\"room\":\"fresh\",\"name\":\"Alice\",\"resume\":\"made-up\"}");
        JsonNode welcome = alice.expect("welcome");
        assertThat(welcome.path("resumed").asBoolean()).isFalse();
    }

    @Test
    void floodingIsRateLimitedThenClosedWithAReason() {
        start(SignalingLimits.defaults().withRate(5, 5, Duration.ofMillis(500)));
        WsTestClient flooder = client();
        for (int i = 0; i < 5; i++) {
            flooder.send("{\"type\":\"ping\"}").expect("pong");
        }
        flooder.send("{\"type\":\"ping\"}").expectError("rate-limited");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (flooder.isOpen() && System.nanoTime() < deadline) {
            try {
                flooder.send("{\"type\":\"ping\"}");
                Thread.sleep(20);
            } catch (Exception e) {
                break; // the server closed the connection
            }
        }
        assertThat(flooder.awaitClose()).isEqualTo(1008);
        assertThat(flooder.closeReason()).isEqualTo("rate limit exceeded");
        assertThat(server.signaling().stats().rateLimited()).isPositive();
    }

    @Test
    void everySpellingOfPingIsAnswered() {
        start();
        WsTestClient alice = client();
        alice.send("{\"type\":\"ping\"}").expect("pong");
        alice.send(" { \"id\": 3, \"type\" : \"ping\" } ").expect("pong");
        assertThat(server.signaling().stats().received("ping")).isEqualTo(2);
    }

    @Test
    void theServerPingsAQuietConnection() {
        start(SignalingLimits.defaults().withKeepAlive(Duration.ofMillis(100), Duration.ofSeconds(5)));
        WsTestClient alice = client();
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.pings() >= 2);
    }

    @Test
    void shutdownTellsEveryPeerAndCloses() {
        start();
        WsTestClient alice = client();
        alice.join("shutdown", "Alice");
        server.close();
        assertThat(alice.expect("closing").path("reason").asText()).isEqualTo("server shutting down");
        assertThat(alice.awaitClose()).isEqualTo(1001);
    }
}
