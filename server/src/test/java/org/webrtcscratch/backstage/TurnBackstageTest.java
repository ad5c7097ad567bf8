package org.webrtcscratch.backstage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.signaling.ServerSideEvent;
import org.webrtcscratch.signaling.SignalingCodec;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.testing.WsTestClient;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/**
 * The TURN side of Behind the Scenes against a running server with its own TURN server on loopback: real
 * allocations made with the credentials each peer's welcome hands out, by our own TURN client, relaying real
 * datagrams to a UDP peer. A peer observes its own allocations, their changes and their relayed bytes, and never
 * another peer's; and observing holds no subscription once it has stopped.
 */
class TurnBackstageTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private ScratchServer server;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    private void start() {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withTurn(TurnSettings.onLoopback()));
        open.add(server);
    }

    private TurnServer turn() {
        return server.turn().orElseThrow();
    }

    /** A peer in the room: its signaling connection and the TURN credential of its welcome. */
    private record Peer(WsTestClient signaling, String peerId, String username, String password) { }

    private Peer join(String room, String name) {
        WsTestClient client = WsTestClient.connect(server.baseUri());
        open.add(client);
        JsonNode welcome = client.join(room, name);
        JsonNode turn = welcome.path("iceServers").get(1);
        return new Peer(client, welcome.path("peerId").asText(), turn.path("username").asText(),
                turn.path("credential").asText());
    }

    private TurnTestClient turnClient(Peer peer) {
        TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                turn().port())).credentials(peer.username(), peer.password());
        open.add(client);
        return client;
    }

    /** The next {@code server-event}, skipping other messages (peer-joined ...). */
    private static JsonNode nextEvent(Peer peer) {
        while (true) {
            JsonNode message = peer.signaling().next();
            if (message.path("type").asText().equals("server-event")) {
                return message.path("event");
            }
        }
    }

    /** Server events up to and with the first that {@code last} matches. */
    private static List<JsonNode> eventsUntil(Peer peer, Predicate<JsonNode> last) {
        List<JsonNode> events = new ArrayList<>();
        JsonNode event;
        do {
            event = nextEvent(peer);
            events.add(event);
        } while (!last.test(event));
        return events;
    }

    private static String action(JsonNode event) {
        return event.path("kind").asText() + (event.has("action") ? " " + event.path("action").asText() : "");
    }

    private static InetSocketAddress allocate(TurnTestClient client) {
        DecodedMessage response = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
        assertThat(response.message().type().messageClass()).as("Allocate answered %s", response.message())
                .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        return response.message().attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    @Test
    void aPeerSeesItsOwnAllocationAndWhatItRelayedAndNoOneElseDoes() throws IOException {
        start();
        Peer alice = join("backstage", "Alice");
        Peer bob = join("backstage", "Bob");
        alice.signaling().send("{\"type\":\"observe\",\"enabled\":true}");
        bob.signaling().send("{\"type\":\"observe\",\"enabled\":true}");
        JsonNode aliceSnapshot = nextEvent(alice);
        assertThat(aliceSnapshot.path("kind").asText()).isEqualTo("snapshot");
        assertThat(aliceSnapshot.path("turn").asBoolean()).isTrue();
        assertThat(aliceSnapshot.path("allocations")).isEmpty();
        assertThat(nextEvent(bob).path("kind").asText()).isEqualTo("snapshot");

        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(5000);
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            TurnTestClient aliceTurn = turnClient(alice);
            InetSocketAddress relayed = allocate(aliceTurn);
            aliceTurn.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddress(peerAddress));
            aliceTurn.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumber(0x3000), new XorPeerAddress(peerAddress));
            aliceTurn.send(StunEncoder.of(MessageType.of(StunMethod.SEND, MessageClass.INDICATION),
                    TurnTestClient.newId()).add(new XorPeerAddress(peerAddress))
                    .add(new Data(ByteString.wrap("hello peer".getBytes(StandardCharsets.UTF_8)))).toBytes());
            DatagramPacket atPeer = new DatagramPacket(new byte[2048], 2048);
            peer.receive(atPeer);
            byte[] answer = "hello client!".getBytes(StandardCharsets.UTF_8);
            peer.send(new DatagramPacket(answer, answer.length, relayed));
            aliceTurn.receiveStun();

            String relayedText = "127.0.0.1:" + relayed.getPort();
            String clientText = "127.0.0.1:" + aliceTurn.localAddress().getPort();
            List<JsonNode> events = eventsUntil(alice, e -> e.path("kind").asText().equals("turn-usage")
                    && e.path("packetsToClient").asLong() == 1);
            assertThat(events.subList(0, 3)).extracting(TurnBackstageTest::action).containsExactly(
                    "turn-allocation allocated", "turn-allocation permission", "turn-allocation refused");
            JsonNode allocated = events.getFirst();
            assertThat(allocated.path("transport").asText()).isEqualTo("udp");
            assertThat(allocated.path("clientAddress").asText()).isEqualTo(clientText);
            assertThat(allocated.path("relayedAddress").asText()).isEqualTo(relayedText);
            assertThat(allocated.path("lifetime").asLong()).isPositive();
            assertThat(events.get(1).path("peer").asText()).isEqualTo("127.0.0.1");
            assertThat(events.get(1).path("renewed").asBoolean(true)).isFalse();
            JsonNode refused = events.get(2);
            assertThat(refused.path("method").asText()).isEqualTo("ChannelBind");
            assertThat(refused.path("code").asInt()).isEqualTo(400);
            assertThat(refused.path("reason").asText()).contains("0x3000");
            assertThat(refused.path("relayedAddress").asText()).isEqualTo(relayedText);
            JsonNode usage = events.getLast();
            assertThat(usage.path("relayedAddress").asText()).isEqualTo(relayedText);
            assertThat(usage.path("bytesToPeer").asLong()).isEqualTo("hello peer".length());
            assertThat(usage.path("packetsToPeer").asLong()).isEqualTo(1);
            assertThat(usage.path("bytesToClient").asLong()).isEqualTo(answer.length);

            // Bob's own allocation is the first TURN event he hears of: none of Alice's came before it.
            TurnTestClient bobTurn = turnClient(bob);
            allocate(bobTurn);
            JsonNode bobs = nextEvent(bob);
            assertThat(action(bobs)).isEqualTo("turn-allocation allocated");
            assertThat(bobs.path("clientAddress").asText()).isEqualTo("127.0.0.1:" + bobTurn.localAddress().getPort());

            // A second observe is a fresh snapshot listing the allocation with its counts.
            alice.signaling().send("{\"type\":\"observe\",\"enabled\":true}");
            JsonNode again = eventsUntil(alice, e -> e.path("kind").asText().equals("snapshot")).getLast();
            assertThat(again.path("allocations")).hasSize(1);
            JsonNode listed = again.path("allocations").get(0);
            assertThat(listed.path("relayedAddress").asText()).isEqualTo(relayedText);
            assertThat(listed.path("permissions")).extracting(JsonNode::asText).containsExactly("127.0.0.1");
            assertThat(listed.path("bytesToPeer").asLong()).isEqualTo("hello peer".length());
            assertThat(listed.path("bytesToClient").asLong()).isEqualTo(answer.length);

            // Deleting it ends Alice's story, and nothing of Bob's is in it.
            aliceTurn.authenticated(StunMethod.REFRESH, new Lifetime(0));
            List<JsonNode> end = eventsUntil(alice, e -> action(e).equals("turn-allocation deleted"));
            assertThat(end.getLast().path("cause").asText()).isEqualTo("refresh");
            assertThat(end.getLast().path("relayedAddress").asText()).isEqualTo(relayedText);
            assertThat(end).allSatisfy(e -> assertThat(e.path("clientAddress").asText()).isEqualTo(clientText));
        }
    }

    @Test
    void observingHoldsNoSubscriptionOnceItStopsLeavesOrCloses() {
        start();
        int before = turn().events().subscriberCount();
        Peer alice = join("leak", "Alice");
        for (String stop : List.of("{\"type\":\"observe\",\"enabled\":false}", "{\"type\":\"leave\"}")) {
            alice.signaling().send("{\"type\":\"observe\",\"enabled\":true}");
            assertThat(nextEvent(alice).path("kind").asText()).isEqualTo("snapshot");
            assertThat(turn().events().subscriberCount()).isEqualTo(before + 1);
            alice.signaling().send(stop);
            alice.signaling().send("{\"type\":\"ping\"}");
            alice.signaling().expect("pong");
            assertThat(turn().events().subscriberCount()).as("after " + stop).isEqualTo(before);
            assertThat(server.backstage().orElseThrow().watchCount()).isZero();
        }
        alice.signaling().join("leak", "Alice");
        alice.signaling().send("{\"type\":\"observe\",\"enabled\":true}");
        nextEvent(alice);
        alice.signaling().abort();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.signaling().observerCount() == 0);
        assertThat(turn().events().subscriberCount()).as("after the connection dropped").isEqualTo(before);
        assertThat(server.backstage().orElseThrow().watchCount()).isZero();
    }

    @Test
    void anEventIsWrittenWithOnlyTheFieldsOfItsAction() {
        BigDecimal at = ServerSideEvent.millis(Instant.parse("2025-12-03T12:00:00.400012Z"));
        String frame = new SignalingCodec().encode(new TurnAllocationEvent(at, "channel-bound", "udp",
                "192.0.2.10:54321", "[2001:db8::5]:49160", null, "[2001:db8::7]:61000", 16384, false, null, null,
                null, null));
        assertThat(frame).isEqualTo("{\"type\":\"server-event\",\"event\":{\"at\":1764763200400.012,"
                + "\"kind\":\"turn-allocation\",\"action\":\"channel-bound\",\"transport\":\"udp\","
                + "\"clientAddress\":\"192.0.2.10:54321\",\"relayedAddress\":\"[2001:db8::5]:49160\","
                + "\"peer\":\"[2001:db8::7]:61000\",\"channel\":16384,\"renewed\":false}}");
    }
}
