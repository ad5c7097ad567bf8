package org.webrtcscratch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;
import org.webrtcscratch.signaling.FakeConnection;
import org.webrtcscratch.signaling.ProtocolTable;
import org.webrtcscratch.signaling.Session;
import org.webrtcscratch.signaling.SignalingLimits;
import org.webrtcscratch.signaling.SignalingService;

/** The signaling meters: one received counter per client message type of the protocol table. */
class SignalingMetricsTest {

    @Test
    void receivedMessagesAreTaggedWithTheTablesClientTypes() {
        SignalingService service = new SignalingService(SignalingLimits.defaults(), IceServerProvider.fixed(List.of()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SignalingMetrics.bind(service, registry);
        Session session = service.open(new FakeConnection());
        service.onText(session, "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Ann\"}");

        List<String> tags = registry.find("scratch.signaling.received").functionCounters().stream()
                .map(counter -> counter.getId().getTag("type")).toList();
        assertThat(tags).containsExactlyInAnyOrderElementsOf(ProtocolTable.clientMessageTypes())
                .contains("join", "signal", "leave", "ping");
        FunctionCounter joins = registry.find("scratch.signaling.received").tag("type", "join").functionCounter();
        assertThat(joins.count()).isEqualTo(1);
        service.close(Duration.ZERO);
    }

    @Test
    void observersAndTheServerEventsSentToThemAreMetered() {
        SignalingService service = new SignalingService(SignalingLimits.defaults(), IceServerProvider.fixed(List.of()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SignalingMetrics.bind(service, registry);
        Session session = service.open(new FakeConnection());
        service.onText(session, "{\"type\":\"join\",\"room\":\"r\",\"name\":\"Ann\"}");
        service.onText(session, "{\"type\":\"observe\",\"enabled\":true}");

        assertThat(registry.get("scratch.signaling.observers").gauge().value()).isEqualTo(1);
        assertThat(registry.get("scratch.signaling.server.events").functionCounter().count()).as("the snapshot")
                .isEqualTo(1);
        service.onText(session, "{\"type\":\"observe\",\"enabled\":false}");
        assertThat(registry.get("scratch.signaling.observers").gauge().value()).isZero();
        service.close(Duration.ZERO);
    }
}
