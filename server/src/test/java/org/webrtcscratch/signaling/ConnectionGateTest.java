package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;

/** The connection gate ({@link SignalingService}) with fake connections, a manual clock and an event recorder. */
class ConnectionGateTest {

    private final ManualClock clock = new ManualClock();
    private final List<SignalingEvent> events = new CopyOnWriteArrayList<>();

    private SignalingService service(SignalingLimits limits) {
        return new SignalingService(limits, IceServerProvider.fixed(List.of()),
                new MemoryRooms(limits.roomCapacity(), limits.maxRooms(), (room, peerId) -> peerId + "-token"),
                new Mailboxes(), clock, events::add, ResumeTokens.withRandomSecret());
    }

    @Test
    void refusalsAreEventsNamingTheRoomAndPeerWhenThereIsOne() {
        SignalingService service = service(SignalingLimits.defaults());
        Session session = service.open(new FakeConnection());
        service.onText(session, "{\"type\":\"leave\"}");
        service.onText(session, "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Ann\"}");
        service.onText(session, "{\"type\":\"signal\",\"to\":\"nobody\",\"payload\":{\"candidate\":null}}");

        assertThat(events.stream().filter(e -> e instanceof SignalingEvent.Refused)).containsExactly(
                new SignalingEvent.Refused(clock.instant(), null, null, ErrorCode.NOT_JOINED),
                new SignalingEvent.Refused(clock.instant(), "r", session.peer().peerId(), ErrorCode.UNKNOWN_PEER));
        assertThat(service.stats().refused(ErrorCode.UNKNOWN_PEER)).as("the stats subscribe too").isEqualTo(1);
    }

    @Test
    void theRateLimitRunsOnTheInjectedClock() {
        SignalingService service = service(SignalingLimits.defaults().withRate(1, 1, Duration.ofSeconds(10)));
        FakeConnection connection = new FakeConnection();
        Session session = service.open(connection);
        service.onText(session, "{\"type\":\"ping\"}");
        service.onText(session, "{\"type\":\"ping\"}");
        clock.advance(Duration.ofSeconds(1));
        service.onText(session, "{\"type\":\"ping\"}");

        assertThat(connection.types()).containsExactly("pong", "error", "pong");
        assertThat(service.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void shutdownWaitsForTheCloseHandshakesThenStopsTheClock() {
        SignalingService service = service(SignalingLimits.defaults());
        FakeConnection first = new FakeConnection();
        FakeConnection second = new FakeConnection();
        Session one = service.open(first);
        Session two = service.open(second);

        CompletableFuture<Void> closed = service.closeAsync(Duration.ofSeconds(2));
        service.onClose(one, 1001);
        clock.advance(Duration.ofSeconds(1));

        assertThat(first.types()).containsExactly("closing");
        assertThat(second.closedWith).isEqualTo(1001);
        assertThat(closed).isNotDone();
        service.onClose(two, 1001);
        assertThat(closed).isDone();
        assertThat(clock.stopped()).isTrue();
    }

    @Test
    void shutdownGivesUpOnSilentConnectionsWhenTheGraceRunsOut() {
        SignalingService service = service(SignalingLimits.defaults());
        service.open(new FakeConnection());

        CompletableFuture<Void> closed = service.closeAsync(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(1999));
        assertThat(closed).isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThat(closed).isDone();
        assertThat(service.open(new FakeConnection())).as("no new connections while stopping").isNull();
    }

    @Test
    void eventsReachEverySubscriberInOrder() {
        List<String> heard = new CopyOnWriteArrayList<>();
        SignalingEvents both = SignalingEvents.of(event -> heard.add("first " + event.getClass().getSimpleName()),
                SignalingEvents.NONE, event -> heard.add("second " + event.getClass().getSimpleName()));
        both.on(new SignalingEvent.Joined(clock.instant(), "r", "p", "Ann"));
        both.relayed("r", "p", "q", clock);

        assertThat(heard).containsExactly("first Joined", "second Joined", "first Relayed", "second Relayed");
    }
}
