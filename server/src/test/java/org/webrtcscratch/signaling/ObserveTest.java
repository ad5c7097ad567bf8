package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;

/**
 * {@code observe} and the {@code server-event}s it brings (docs/protocol.md, "Behind the Scenes"): the rules every
 * message follows, the snapshot, relayed signals with the server's two times, only a peer's own events, and
 * nothing once it stops, leaves or goes.
 */
class ObserveTest {

    private static final String OFFER = "{\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}";
    private static final Duration TICK = Duration.ofNanos(1_500);

    private final ManualClock manual = new ManualClock();
    /** The manual clock, moved on a little at every monotonic reading, so that a relay takes time. */
    private final SignalingClock clock = new SignalingClock() {
        @Override
        public long nanoTime() {
            manual.advance(TICK);
            return manual.nanoTime();
        }

        @Override
        public Timer schedule(Duration delay, Runnable task) {
            return manual.schedule(delay, task);
        }

        @Override
        public void stop() {
            manual.stop();
        }

        @Override
        public Instant instant() {
            return manual.instant();
        }
    };

    private SignalingService service(SignalingLimits limits) {
        return new SignalingService(limits, IceServerProvider.fixed(List.of()),
                new MemoryRooms(limits.roomCapacity(), limits.maxRooms()), new Mailboxes(), clock,
                SignalingEvents.NONE);
    }

    private final SignalingService service = service(SignalingLimits.defaults());

    private record Client(FakeConnection connection, Session session) {
        String peerId() {
            return session.peer().peerId();
        }
    }

    private Client joined(String room, String name) {
        FakeConnection connection = new FakeConnection();
        Session session = service.open(connection);
        service.onText(session, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}");
        return new Client(connection, session);
    }

    private static List<JsonNode> events(Client client) {
        return client.connection().sent.stream().filter(m -> m.path("type").asText().equals("server-event"))
                .map(m -> m.path("event")).toList();
    }

    private void observe(Client client, boolean enabled) {
        service.onText(client.session(), "{\"type\":\"observe\",\"enabled\":" + enabled + "}");
    }

    private void signal(Client from, Client to, String payload) {
        service.onText(from.session(), "{\"type\":\"signal\",\"to\":\"" + to.peerId() + "\",\"payload\":" + payload
                + "}");
    }

    @Test
    void observeBeforeJoinIsRefusedLikeSignal() {
        FakeConnection connection = new FakeConnection();
        Session session = service.open(connection);
        service.onText(session, "{\"type\":\"observe\",\"enabled\":true,\"id\":7}");

        JsonNode error = connection.last("error");
        assertThat(error.path("code").asText()).isEqualTo("not-joined");
        assertThat(error.path("request").asText()).isEqualTo("observe");
        assertThat(error.path("re").asInt()).isEqualTo(7);
        assertThat(connection.count("server-event")).isZero();
        assertThat(service.observerCount()).isZero();
    }

    @Test
    void enabledMustBeABooleanAndUnknownFieldsAreIgnoredAsInEveryMessage() {
        Client ann = joined("r", "Ann");
        service.onText(ann.session(), "{\"type\":\"observe\"}");
        service.onText(ann.session(), "{\"type\":\"observe\",\"enabled\":\"yes\"}");
        service.onText(ann.session(), "{\"type\":\"observe\",\"enabled\":null}");

        assertThat(ann.connection().sent.stream().filter(m -> m.path("type").asText().equals("error"))
                .map(m -> m.path("code").asText() + " " + m.path("message").asText())).containsExactly(
                        "bad-request missing field 'enabled'",
                        "bad-request field 'enabled' must be true or false",
                        "bad-request missing field 'enabled'");
        assertThat(service.observerCount()).isZero();

        service.onText(ann.session(), "{\"type\":\"observe\",\"enabled\":true,\"verbose\":[1,2]}");
        assertThat(events(ann)).hasSize(1);
        assertThat(service.stats().refused(ErrorCode.BAD_REQUEST)).isEqualTo(3);
        assertThat(service.stats().received("observe")).isEqualTo(1);
    }

    @Test
    void observingStartsWithASnapshotAndTogglesOffAndOnAgain() {
        Client ann = joined("room-s", "Ann");
        observe(ann, true);

        assertThat(service.observerCount()).isEqualTo(1);
        JsonNode snapshot = events(ann).getFirst();
        assertThat(snapshot.path("kind").asText()).isEqualTo("snapshot");
        assertThat(snapshot.path("peerId").asText()).isEqualTo(ann.peerId());
        assertThat(snapshot.path("room").asText()).isEqualTo("room-s");
        assertThat(snapshot.path("name").asText()).isEqualTo("Ann");
        assertThat(snapshot.path("turn").asBoolean(true)).as("no TURN server behind").isFalse();
        assertThat(snapshot.path("allocations")).isEmpty();
        assertThat(snapshot.path("at").decimalValue()).isEqualTo(ServerSideEvent.millis(clock.instant()));

        Client bo = joined("room-s", "Bo");
        observe(ann, false);
        assertThat(service.observerCount()).isZero();
        signal(bo, ann, OFFER);
        assertThat(events(ann)).hasSize(1);

        observe(ann, true);
        observe(ann, true);
        assertThat(events(ann)).extracting(e -> e.path("kind").asText())
                .containsExactly("snapshot", "snapshot", "snapshot");
        assertThat(service.observerCount()).as("observing again is still one observer").isEqualTo(1);
        assertThat(service.stats().serverEventsSent()).isEqualTo(3);
    }

    @Test
    void relayedSignalsFromAndToTheObserverCarryTheServersTwoTimes() {
        Client ann = joined("room-r", "Ann");
        Client bo = joined("room-r", "Bo");
        observe(ann, true);

        signal(bo, ann, OFFER);
        signal(ann, bo, "{\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 192.0.2.1 5 typ host\",\"sdpMid\":\"0\"}}");
        signal(ann, bo, "{\"candidate\":null}");

        List<JsonNode> relayed = events(ann).subList(1, 4);
        assertThat(relayed).extracting(e -> e.path("kind").asText() + " " + e.path("signal").asText() + " "
                + e.path("outcome").asText()).containsExactly("relayed offer sent", "relayed candidate sent",
                        "relayed end-of-candidates sent");
        assertThat(relayed).extracting(e -> e.path("from").asText() + ">" + e.path("to").asText()).containsExactly(
                bo.peerId() + ">" + ann.peerId(), ann.peerId() + ">" + bo.peerId(), ann.peerId() + ">" + bo.peerId());
        JsonNode offer = relayed.getFirst();
        String offerFrame = "{\"type\":\"signal\",\"from\":\"" + bo.peerId() + "\",\"payload\":" + OFFER + "}";
        assertThat(offer.path("size").asInt()).isEqualTo(offerFrame.length());
        assertThat(ann.connection().sent).anySatisfy(m -> assertThat(m.toString()).isEqualTo(offerFrame));
        assertThat(offer.path("sentAt").decimalValue()).isGreaterThan(offer.path("receivedAt").decimalValue())
                .isEqualTo(offer.path("at").decimalValue());
        assertThat(offer.path("sentAt").decimalValue().scale()).as("microseconds").isEqualTo(3);
        assertThat(events(bo)).as("Bo did not ask").isEmpty();
    }

    @Test
    void theTimesAreWrittenAsPlainMillisecondsWithMicroseconds() {
        String frame = new SignalingCodec().encode(new ServerSideEvent.Relayed(
                ServerSideEvent.millis(Instant.parse("2025-12-03T12:00:00.123456789Z")), "a", "b", "offer", 10,
                ServerSideEvent.millis(Instant.parse("2025-12-03T12:00:00.123384Z")),
                ServerSideEvent.millis(Instant.parse("2025-12-03T12:00:00.123456Z")), "sent"));
        assertThat(frame).isEqualTo("{\"type\":\"server-event\",\"event\":{\"at\":1764763200123.456,"
                + "\"kind\":\"relayed\",\"from\":\"a\",\"to\":\"b\",\"signal\":\"offer\",\"size\":10,"
                + "\"receivedAt\":1764763200123.384,\"sentAt\":1764763200123.456,\"outcome\":\"sent\"}}");
    }

    @Test
    void aPeerSeesOnlyItsOwnSignalsAndNothingAfterItLeavesOrGoes() {
        Client ann = joined("room-o", "Ann");
        Client bo = joined("room-o", "Bo");
        Client cy = joined("room-o", "Cy");
        observe(cy, true);
        signal(ann, bo, OFFER);
        signal(bo, ann, OFFER);
        assertThat(events(cy)).extracting(e -> e.path("kind").asText()).containsExactly("snapshot");

        service.onText(cy.session(), "{\"type\":\"leave\"}");
        assertThat(service.observerCount()).isZero();
        service.onText(cy.session(), "{\"type\":\"join\",\"room\":\"room-o\",\"name\":\"Cy\"}");
        signal(ann, cy, OFFER);
        assertThat(events(cy)).as("a rejoin does not observe by itself").hasSize(1);

        observe(ann, true);
        service.onClose(ann.session(), 1006); // away: its place is kept, its observing is not
        assertThat(service.observerCount()).isZero();
        signal(bo, ann, OFFER);
        assertThat(events(ann)).hasSize(1);
    }

    @Test
    void aSignalHeldForAnAwayPeerIsToldToTheSenderAsHeld() {
        Client ann = joined("room-h", "Ann");
        Client bo = joined("room-h", "Bo");
        observe(ann, true);
        service.onClose(bo.session(), 1006);
        service.onText(ann.session(), "{\"type\":\"signal\",\"to\":\"" + bo.connection().last("welcome")
                .path("peerId").asText() + "\",\"payload\":" + OFFER + "}");

        JsonNode held = events(ann).getLast();
        assertThat(held.path("outcome").asText()).isEqualTo("held");
        assertThat(held.path("signal").asText()).isEqualTo("offer");
    }

    @Test
    void observeCountsTowardsTheRateLimit() {
        SignalingService limited = service(SignalingLimits.defaults().withRate(1, 2, Duration.ofSeconds(10)));
        FakeConnection connection = new FakeConnection();
        Session session = limited.open(connection);
        limited.onText(session, "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Ann\"}");
        limited.onText(session, "{\"type\":\"observe\",\"enabled\":true}");
        limited.onText(session, "{\"type\":\"observe\",\"enabled\":true}");

        assertThat(connection.types()).containsExactly("welcome", "server-event", "error");
        assertThat(connection.last("error").path("code").asText()).isEqualTo("rate-limited");
        assertThat(limited.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void shutdownEndsObserving() {
        Client ann = joined("room-x", "Ann");
        observe(ann, true);
        service.closeAsync(Duration.ofSeconds(1));
        service.onClose(ann.session(), 1001);
        assertThat(service.observerCount()).isZero();
    }
}
