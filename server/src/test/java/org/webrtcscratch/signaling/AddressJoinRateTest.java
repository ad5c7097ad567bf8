package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;

/** One address walking room names (join, leave, join the next...) is slowed to its joins a minute. */
class AddressJoinRateTest {

    private final ManualClock clock = new ManualClock();
    private final SignalingLimits limits = SignalingLimits.defaults().withAddressLimits(3,
            SignalingLimits.DEFAULT_MAX_QUEUED_BYTES_PER_ADDRESS, 0);
    private final SignalingService service = new SignalingService(limits, IceServerProvider.fixed(List.of()),
            new MemoryRooms(limits.roomCapacity(), limits.maxRooms(), (room, peerId) -> peerId + "-token"),
            new Mailboxes(), clock, SignalingEvents.NONE, ResumeTokens.withRandomSecret());

    /** A connection from {@code address}, as a WebSocket reports it. */
    private static FakeConnection from(String address) {
        return new FakeConnection(address);
    }

    @Test
    void anAddressOverItsJoinsAMinuteIsRefusedAndOthersAreNot() {
        FakeConnection walker = from("198.51.100.7");
        Session session = service.open(walker);
        for (int room = 0; room < 3; room++) {
            service.onText(session, "{\"type\":\"join\",\"room\":\"walk-" + room + "\",\"name\":\"W\"}");
            service.onText(session, "{\"type\":\"leave\"}");
        }
        Session second = service.open(from("198.51.100.7"));
        service.onText(second, "{\"type\":\"join\",\"room\":\"walk-3\",\"name\":\"W\"}");
        FakeConnection secondConnection = (FakeConnection) second.connection;

        assertThat(walker.count("welcome")).isEqualTo(3);
        assertThat(secondConnection.last("error").path("code").asText()).isEqualTo("rate-limited");
        assertThat(secondConnection.last("error").path("message").asText()).contains("3 joins a minute");
        assertThat(service.addressJoinsLimited()).isEqualTo(1);

        FakeConnection neighbour = from("203.0.113.9");
        service.onText(service.open(neighbour), "{\"type\":\"join\",\"room\":\"walk-3\",\"name\":\"N\"}");
        assertThat(neighbour.count("welcome")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(20));
        service.onText(second, "{\"type\":\"join\",\"room\":\"walk-3\",\"name\":\"W\"}");
        assertThat(secondConnection.count("welcome")).as("a third of a minute later, one more join").isEqualTo(1);
    }

    @Test
    void connectionsWithoutAnAddressAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            FakeConnection local = new FakeConnection();
            service.onText(service.open(local), "{\"type\":\"join\",\"room\":\"r" + i + "\",\"name\":\"L\"}");
            assertThat(local.count("welcome")).isEqualTo(1);
        }
    }
}
