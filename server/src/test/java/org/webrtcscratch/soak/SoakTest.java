package org.webrtcscratch.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.signaling.SignalingLimits;
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
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/**
 * A bounded soak of the whole server, signaling and TURN: many protocol clients join, signal, ping, leave and
 * drop at random across a few rooms while steady pairs, each in a room of its own, trade signals in lock step and
 * TURN pairs allocate, relay a datagram to each other and delete their allocations. Afterwards, measured against
 * a baseline taken after a warm-up of the same load: heap after GC back near it, no more threads, no more open
 * descriptors, no room, connection or allocation left; and every signal and datagram of the well-behaved
 * clients arrived, in order.
 *
 * <p>CI runs it small ({@value #DEFAULT_CLIENTS} clients, {@value #DEFAULT_SECONDS} s). For hours (docs/testing.md):
 * {@code ./mvnw -B -pl server test -Dtest=SoakTest -Dsoak.seconds=7200 -Dsoak.clients=2000}.
 */
@Tag("soak")
class SoakTest {

    private static final Logger LOG = LoggerFactory.getLogger(SoakTest.class);
    private static final int DEFAULT_CLIENTS = 200;
    private static final int DEFAULT_SECONDS = 40;
    private static final int CLIENTS = Integer.getInteger("soak.clients", DEFAULT_CLIENTS);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("soak.seconds", DEFAULT_SECONDS));
    private static final Duration WARM_UP = Duration.ofSeconds(Math.min(8, RUN.toSeconds() / 4 + 1));
    /** Rooms the churning clients share: several to a room, and sometimes a full one. */
    private static final int ROOMS = Math.max(2, CLIENTS / 6);
    private static final int STEADY_PAIRS = Math.max(2, CLIENTS / 20);
    private static final int TURN_PAIRS = 2;
    private static final int WORKERS = 8;
    private static final String USER = "soak";
    private static final String PASSWORD = "soak-password";

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS + STEADY_PAIRS + TURN_PAIRS);
    private final AtomicLong signalsExchanged = new AtomicLong();
    private final AtomicLong datagramsRelayed = new AtomicLong();
    private final AtomicLong churnActions = new AtomicLong();
    private ScratchServer server;

    @Test
    void manyClientsComeAndGoAndTheServerEndsWhereItStarted() throws Exception {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withLimits(SignalingLimits.defaults().withRate(100_000, 100_000, Duration.ofSeconds(5))
                        .withResumeWindow(Duration.ZERO))
                .withTurn(new TurnMode.Local(TurnSettings.onLoopback().withUsers(List.of(USER + ":" + PASSWORD)))));
        try {
            runLoad(WARM_UP);
            awaitIdle();
            Usage baseline = Usage.measure();
            long signalsBefore = signalsExchanged.get();
            long datagramsBefore = datagramsRelayed.get();

            runLoad(RUN);
            awaitIdle();
            Usage after = Usage.measure();
            LOG.info("soak of {} clients for {}: {} churn actions, {} signals and {} TURN datagrams relayed;"
                    + " baseline {}, after {}", CLIENTS, RUN, churnActions.get(), signalsExchanged.get() - signalsBefore,
                    datagramsRelayed.get() - datagramsBefore, baseline, after);

            assertThat(signalsExchanged.get()).isGreaterThan(signalsBefore);
            assertThat(datagramsRelayed.get()).isGreaterThan(datagramsBefore);
            assertThat(after.heapBytes()).as("heap after GC, baseline %s", baseline)
                    .isLessThanOrEqualTo(baseline.heapBytes() * 3 / 2 + (32L << 20));
            assertThat(after.threads()).as("threads, baseline %s", baseline).isLessThanOrEqualTo(baseline.threads() + 4);
            assertThat(after.descriptors()).as("open descriptors, baseline %s", baseline)
                    .isLessThanOrEqualTo(baseline.descriptors() + 8);
        } finally {
            workers.shutdownNow();
            server.close();
        }
    }

    /** Every kind of client at once for {@code duration}; fails with the first client's failure. */
    private void runLoad(Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<?>> tasks = new ArrayList<>();
        int perWorker = Math.max(1, (CLIENTS - 2 * STEADY_PAIRS - 2 * TURN_PAIRS) / WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            tasks.add(workers.submit(() -> churn(perWorker, deadline)));
        }
        for (int i = 0; i < STEADY_PAIRS; i++) {
            String room = "steady-" + i + "-" + System.nanoTime();
            tasks.add(workers.submit(() -> steadyPair(room, deadline)));
        }
        for (int i = 0; i < TURN_PAIRS; i++) {
            tasks.add(workers.submit(() -> turnPair(deadline)));
        }
        for (Future<?> task : tasks) {
            task.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code count} clients of one worker, each step one random action of one of them: join a random room,
     * signal a peer it was told of, ping, leave, or drop the connection without a word.
     */
    private Void churn(int count, long deadline) {
        WsTestClient[] clients = new WsTestClient[count];
        String[] peers = new String[count];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (System.nanoTime() < deadline) {
                int i = random.nextInt(count);
                churnActions.incrementAndGet();
                if (clients[i] == null) {
                    clients[i] = WsTestClient.connect(http, server.baseUri());
                    clients[i].send("{\"type\":\"join\",\"room\":\"churn-" + random.nextInt(ROOMS)
                            + "\",\"name\":\"Churner " + i + "\"}");
                    JsonNode answer = clients[i].next();
                    if (answer.path("type").asText().equals("welcome")) {
                        JsonNode others = answer.path("peers");
                        peers[i] = others.isEmpty() ? answer.path("peerId").asText()
                                : others.get(random.nextInt(others.size())).path("peerId").asText();
                    } else {
                        assertThat(answer.path("code").asText()).as("refusal %s", answer).isEqualTo("room-full");
                        clients[i].close();
                        clients[i] = null;
                    }
                    continue;
                }
                switch (random.nextInt(10)) {
                    case 0 -> clients[i].send("{\"type\":\"leave\"}");
                    case 1 -> clients[i].abort();
                    case 2 -> clients[i].send("{\"type\":\"ping\",\"id\":" + random.nextInt(1000) + "}");
                    default -> {
                        clients[i].send(signal(peers[i], random.nextInt()));
                        continue;
                    }
                }
                if (!clients[i].isOpen() || random.nextBoolean()) {
                    clients[i].close();
                    clients[i] = null;
                }
            }
        } finally {
            Stream.of(clients).filter(c -> c != null).forEach(WsTestClient::close);
        }
        return null;
    }

    /** Two well-behaved clients in a room of their own: each signal answered before the next, all in order. */
    private Void steadyPair(String room, long deadline) {
        try (WsTestClient alice = WsTestClient.connect(http, server.baseUri());
                WsTestClient bob = WsTestClient.connect(http, server.baseUri())) {
            String aliceId = alice.join(room, "Alice").path("peerId").asText();
            bob.join(room, "Bob");
            String bobId = alice.expect("peer-joined").path("peer").path("peerId").asText();
            for (int sequence = 0; System.nanoTime() < deadline; sequence++) {
                alice.send(signal(bobId, sequence));
                assertThat(sequenceOf(bob.expect("signal"))).isEqualTo(sequence);
                bob.send(signal(aliceId, sequence));
                assertThat(sequenceOf(alice.expect("signal"))).isEqualTo(sequence);
                signalsExchanged.addAndGet(2);
            }
        }
        return null;
    }

    /**
     * Two TURN clients over and over: allocate, permit each other, one datagram across, delete. Each keeps its
     * socket, as a browser does: fresh ones would each start with an unauthenticated request, and the 401s to
     * one address are limited (a new socket per round soon gets silence, as an attacker would).
     */
    private Void turnPair(long deadline) throws IOException {
        TurnServer turn = server.turn().orElseThrow();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), turn.port());
        try (TurnTestClient a = TurnTestClient.udp(address).credentials(USER, PASSWORD);
                TurnTestClient b = TurnTestClient.udp(address).credentials(USER, PASSWORD)) {
            while (System.nanoTime() < deadline) {
                InetSocketAddress relayA = allocate(a);
                InetSocketAddress relayB = allocate(b);
                permit(a, relayB);
                permit(b, relayA);
                String text = "datagram " + System.nanoTime();
                a.send(StunEncoder.of(MessageType.of(StunMethod.SEND, MessageClass.INDICATION), TurnTestClient.newId())
                        .add(new XorPeerAddress(relayB))
                        .add(new Data(ByteString.wrap(text.getBytes(StandardCharsets.UTF_8)))).toBytes());
                DecodedMessage indication = b.receiveStun();
                assertThat(new String(indication.message().attribute(Data.class).orElseThrow().value().toByteArray(),
                        StandardCharsets.UTF_8)).isEqualTo(text);
                datagramsRelayed.incrementAndGet();
                for (TurnTestClient client : List.of(a, b)) {
                    assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.REFRESH, new Lifetime(0))))
                            .isZero();
                }
            }
        }
        return null;
    }

    private static InetSocketAddress allocate(TurnTestClient client) {
        DecodedMessage allocated = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
        assertThat(TurnTestClient.errorCode(allocated)).as("Allocate").isZero();
        return allocated.message().attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    private static void permit(TurnTestClient client, InetSocketAddress peer) {
        assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.CREATE_PERMISSION,
                new XorPeerAddress(peer)))).as("CreatePermission").isZero();
    }

    private static String signal(String to, int sequence) {
        return "{\"type\":\"signal\",\"to\":\"" + to + "\",\"payload\":{\"candidate\":{\"candidate\":\"candidate:"
                + sequence + " 1 udp 2122260223 127.0.0.1 54321 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}}";
    }

    private static int sequenceOf(JsonNode signal) {
        String line = signal.path("payload").path("candidate").path("candidate").asText();
        return Integer.parseInt(line.substring("candidate:".length(), line.indexOf(' ')));
    }

    /** Waits until the server holds no connection, room or allocation: every client is gone. */
    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> server.signaling().connectionCount() == 0
                && server.signaling().roomCount() == 0 && server.turn().orElseThrow().allocationCount() == 0);
    }

    /** What the process holds: heap in use after a full collection, live threads, open descriptors. */
    private record Usage(long heapBytes, int threads, long descriptors) {

        static Usage measure() throws IOException {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                return new Usage(heap, ManagementFactory.getThreadMXBean().getThreadCount(), fds.count());
            }
        }

        @Override
        public String toString() {
            return "heap " + (heapBytes >> 20) + " MiB, " + threads + " threads, " + descriptors + " descriptors";
        }
    }
}
