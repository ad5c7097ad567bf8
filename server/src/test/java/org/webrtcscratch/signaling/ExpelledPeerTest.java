package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;

/** A peer closed 1008 for abuse has left: it cannot take its place back, with a fresh rate bucket, by resuming. */
class ExpelledPeerTest {

    private final ManualClock clock = new ManualClock();
    private final SignalingLimits limits = SignalingLimits.defaults().withRate(1, 2, Duration.ZERO);
    private final SignalingService service = new SignalingService(limits, IceServerProvider.fixed(List.of()),
            new MemoryRooms(limits.roomCapacity(), limits.maxRooms(), (room, peerId) -> peerId + "-token"),
            new Mailboxes(), clock, SignalingEvents.NONE, ResumeTokens.withRandomSecret());

    @Test
    void aPeerClosedForAbuseLeavesAtOnceAndCannotResume() {
        FakeConnection bob = new FakeConnection();
        service.onText(service.open(bob), "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Bob\"}");
        FakeConnection abuser = new FakeConnection();
        Session abusive = service.open(abuser);
        service.onText(abusive, "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Mallory\"}");
        String token = abuser.last("welcome").path("resumeToken").asText();
        String peerId = abuser.last("welcome").path("peerId").asText();

        service.onText(abusive, "{\"type\":\"ping\"}");
        service.onText(abusive, "{\"type\":\"ping\"}");
        assertThat(abuser.closedWith).isEqualTo(1008);
        service.onClose(abusive, 1008);

        assertThat(bob.last("peer-left").path("peerId").asText()).isEqualTo(peerId);
        FakeConnection again = new FakeConnection();
        service.onText(service.open(again), "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Mallory\",\"resume\":\""
                + token + "\"}");
        assertThat(again.last("welcome").path("resumed").asBoolean()).isFalse();
        assertThat(again.last("welcome").path("peerId").asText()).isNotEqualTo(peerId);
    }
}
