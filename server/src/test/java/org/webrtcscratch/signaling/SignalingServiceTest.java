package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;

/** The service's rules under concurrency, with in-memory connections standing in for WebSockets. */
class SignalingServiceTest {

    @Test
    void concurrentJoinsNeverOverfillARoom() throws InterruptedException {
        int capacity = 5;
        int joiners = 40;
        SignalingService service = new SignalingService(SignalingLimits.defaults().withRoomCapacity(capacity),
                IceServerProvider.fixed(List.of()));
        List<FakeConnection> connections = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < joiners; i++) {
            FakeConnection connection = new FakeConnection();
            connections.add(connection);
            sessions.add(service.open(connection));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < joiners; i++) {
            Session session = sessions.get(i);
            String name = "p" + i;
            pool.submit(() -> {
                start.await();
                service.onText(session, "{\"type\":\"join\",\"room\":\"race\",\"name\":\"" + name + "\"}");
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        long welcomed = connections.stream().filter(c -> c.count("welcome") == 1).count();
        long refused = connections.stream().filter(c -> c.sent.stream()
                .anyMatch(m -> m.path("code").asText().equals("room-full"))).count();
        assertThat(welcomed).isEqualTo(capacity);
        assertThat(refused).isEqualTo(joiners - capacity);
        assertThat(service.peerCount()).isEqualTo(capacity);
        // Everyone admitted learns of everyone else exactly once: by welcome or by peer-joined.
        for (FakeConnection connection : connections) {
            if (connection.count("welcome") == 1) {
                JsonNode welcome = connection.sent.stream()
                        .filter(m -> m.path("type").asText().equals("welcome")).findFirst().orElseThrow();
                assertThat(welcome.path("peers").size() + connection.count("peer-joined")).isEqualTo(capacity - 1);
            }
        }
        service.close(Duration.ZERO);
    }

    @Test
    void concurrentLeavesAndJoinsLeaveNoEmptyRoomBehind() throws InterruptedException {
        SignalingService service = new SignalingService(SignalingLimits.defaults(), IceServerProvider.fixed(List.of()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            String room = "churn-" + (i % 7);
            pool.submit(() -> {
                Session session = service.open(new FakeConnection());
                service.onText(session, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"x\"}");
                service.onText(session, "{\"type\":\"leave\"}");
                service.onClose(session, 1000);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(service.roomCount()).isZero();
        assertThat(service.peerCount()).isZero();
        assertThat(service.connectionCount()).isZero();
        service.close(Duration.ZERO);
    }

    @Test
    void theConnectionLimitRefusesWithServerBusy() {
        SignalingLimits limits = new SignalingLimits(8, 65536, 50, 200, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(15), 10, 2);
        SignalingService service = new SignalingService(limits, IceServerProvider.fixed(List.of()));
        assertThat(service.open(new FakeConnection())).isNotNull();
        assertThat(service.open(new FakeConnection())).isNotNull();
        FakeConnection third = new FakeConnection();
        assertThat(service.open(third)).isNull();
        assertThat(third.sent.getFirst().path("code").asText()).isEqualTo("server-busy");
        assertThat(third.closedWith).isEqualTo(1013);
        assertThat(service.stats().refused(ErrorCode.SERVER_BUSY)).as("counted like every refusal").isEqualTo(1);
        service.close(Duration.ZERO);
    }
}
