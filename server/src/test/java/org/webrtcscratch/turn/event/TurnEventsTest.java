package org.webrtcscratch.turn.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;

/** The hub: every subscriber hears every event, until it unsubscribes; one that fails spoils nothing. */
class TurnEventsTest {

    private static final FiveTuple TUPLE = new FiveTuple(new InetSocketAddress("198.51.100.7", 40000),
            new InetSocketAddress("203.0.113.1", 3478), FiveTuple.Transport.UDP);

    private static TurnEvent expired(long second) {
        return new TurnEvent.Expired(Instant.ofEpochSecond(second), TUPLE, "alice");
    }

    @Test
    void eachSubscriberHearsEveryEventUntilItLeaves() {
        TurnEvents hub = new TurnEvents();
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        hub.subscribe(first);
        TurnEvents.Subscription leaving = hub.subscribe(second);

        hub.on(expired(1));
        leaving.close();
        hub.on(expired(2));

        assertThat(first.all()).containsExactly(expired(1), expired(2));
        assertThat(second.all()).containsExactly(expired(1));
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheEventFromTheOthers() {
        TurnEvents hub = new TurnEvents();
        RecordingSink after = new RecordingSink();
        hub.subscribe(event -> {
            throw new IllegalStateException("broken subscriber");
        });
        hub.subscribe(after);

        hub.on(expired(1));

        assertThat(after.all()).containsExactly(expired(1));
    }
}
