package org.webrtcscratch.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.testing.WsTestClient;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;
import org.webrtcscratch.turn.server.TcpIncident;
import org.webrtcscratch.turn.transport.TcpLimits;

/**
 * Issue 14's findings replayed against one running server (signaling, web and TURN together), each with the
 * server's answer checked and then the bystanders: a signaling pair in a room of its own and a TURN pair, from
 * other addresses, must still relay to each other, in order and whole, after every attack.
 */
class HostileClientsTest {

    private static final int MAX_CONNECTIONS_PER_ADDRESS = 8;
    private static final int TURN_TCP_PER_SOURCE = 3;
    private static final RestApiSecret SECRET = RestApiSecret.of("hostile-clients-test");
    private static final String USER = "bystander";
    private static final String PASSWORD = "bystander-password";
    private static final InetAddress SERVER = loopback("127.0.0.1");
    /** Each attack comes from an address of its own, so that one's lockout or cap does not meet another's. */
    private static final InetAddress GUESSER = loopback("127.0.0.10");
    private static final InetAddress SLOWLORIS = loopback("127.0.0.11");
    private static final InetAddress GREEDY = loopback("127.0.0.12");
    private static final InetAddress SILENT = loopback("127.0.0.13");
    private static final InetAddress NON_READER = loopback("127.0.0.14");
    private static final InetAddress FOREIGN_PAGE = loopback("127.0.0.15");

    private static ScratchServer server;
    private static WsTestClient alice;
    private static WsTestClient bob;
    private static String aliceId;
    private static String bobId;
    private static TurnTestClient turnA;
    private static TurnTestClient turnB;
    private static InetSocketAddress relayB;
    private static int sequence;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() {
        TurnSettings turn = TurnSettings.onLoopback().withSecret(SECRET).withUsers(List.of(USER + ":" + PASSWORD));
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withHttpSecurity(HttpSecurity.defaults().withMaxConnectionsPerAddress(MAX_CONNECTIONS_PER_ADDRESS)
                        .withHeaderTimeout(Duration.ofSeconds(1)).withAddressLimitsOnLoopback(true))
                .withTurn(new TurnMode.Local(turn.withConfig(turn.config().toBuilder()
                        .tcp(new TcpLimits(Duration.ofSeconds(1), TURN_TCP_PER_SOURCE, 512 * 1024, 8 << 20))
                        .build()))));
        HttpClient bystanders = HttpClient.newBuilder().localAddress(loopback("127.0.0.3")).build();
        alice = WsTestClient.connect(bystanders, server.baseUri());
        bob = WsTestClient.connect(bystanders, server.baseUri());
        aliceId = alice.join("bystanders", "Alice").path("peerId").asText();
        bobId = bob.join("bystanders", "Bob").path("peerId").asText();
        alice.expect("peer-joined");

        InetSocketAddress turnAddress = new InetSocketAddress(SERVER, turnServer().port());
        turnA = TurnTestClient.udp(turnAddress, loopback("127.0.0.4")).credentials(USER, PASSWORD);
        turnB = TurnTestClient.udp(turnAddress, loopback("127.0.0.4")).credentials(USER, PASSWORD);
        InetSocketAddress relayA = allocate(turnA);
        relayB = allocate(turnB);
        permit(turnA, relayB);
        permit(turnB, relayA);
        bystandersStillRelay();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {alice, bob, turnA, turnB, server}) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing what is left
            }
        }
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void noWarningsAndBystandersUndisturbed() {
        root.detachAppender(log);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)).as("warnings and errors logged").isEmpty();
        bystandersStillRelay();
    }

    /** Finding 3: a 19-digit REST expiry overflowed {@code Long.parseLong}: a 500 and a stack trace per packet. */
    @Test
    void aFloodOfRestUsernamesWithA19DigitExpiryGets401sThenSilenceAndNoLog() {
        String user = "9999999999999999999:mallory";
        int answered = 0;
        int unauthorized = 0;
        try (TurnTestClient attacker = TurnTestClient.udp(new InetSocketAddress(SERVER, turnServer().port()), GUESSER)
                .credentials(user, SECRET.passwordFor(user))) {
            for (int i = 0; i < 300; i++) {
                DecodedMessage response;
                try {
                    response = attacker.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
                } catch (AssertionError silence) {
                    break; // the 401 limiter: no more answers to this source for a while
                }
                answered++;
                unauthorized += TurnTestClient.errorCode(response) == 401 ? 1 : 0;
            }
        }
        assertThat(answered).as("answered before the limiter fell silent").isPositive().isEqualTo(unauthorized);
        assertThat(turnServer().stats().errors(StunErrorCode.SERVER_ERROR)).isZero();
    }

    /** Finding 6: request headers trickled a line at a time were held forever. */
    @Test
    void slowlorisConnectionsAreCutOffAtTheHeaderDeadline() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS_PER_ADDRESS / 2; i++) {
                Socket socket = new Socket(server.baseUri().getHost(), server.httpPort(), SLOWLORIS, 0);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            for (int line = 0; line < 100 && !slow.stream().allMatch(HostileClientsTest::isClosedByPeer); line++) {
                Thread.sleep(200);
                for (Socket socket : slow) {
                    trickle(socket, "X-Slow-" + line + ": 1\r\n");
                }
            }
            assertThat(slow).as("every slow head cut off").allMatch(HostileClientsTest::isClosedByPeer);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Finding 6: no per-address cap; exhausting descriptors broke {@code /ws} for everyone. */
    @Test
    void oneAddressGetsItsConnectionCapAndNoMore() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS_PER_ADDRESS; i++) {
                held.add(new Socket(server.baseUri().getHost(), server.httpPort(), GREEDY, 0));
            }
            for (Socket socket : held) {
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 200");
            }
            try (Socket oneTooMany = new Socket(server.baseUri().getHost(), server.httpPort(), GREEDY, 0)) {
                oneTooMany.setSoTimeout(10_000);
                assertThat(readOrReset(oneTooMany.getInputStream())).as("closed as it opens").isLessThan(0);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * Finding 6: TURN TCP connections without an allocation never timed out and were unlimited: the
     * {@value #TURN_TCP_PER_SOURCE} a source may hold are closed when idle, one more is closed at once.
     */
    @Test
    void turnTcpConnectionsWithoutAllocationAreCappedAndTimedOut() throws Exception {
        long overCap = turnServer().stats().tcpIncidents(TcpIncident.OVER_SOURCE_CAP);
        long idle = turnServer().stats().tcpIncidents(TcpIncident.IDLE_WITHOUT_ALLOCATION);
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < TURN_TCP_PER_SOURCE; i++) {
                silent.add(new Socket(SERVER, turnServer().port(), SILENT, 0));
            }
            try (Socket oneTooMany = new Socket(SERVER, turnServer().port(), SILENT, 0)) {
                oneTooMany.setSoTimeout(10_000);
                assertThat(readOrReset(oneTooMany.getInputStream())).as("closed as it opens").isLessThan(0);
            }
            for (Socket socket : silent) {
                socket.setSoTimeout(10_000);
                assertThat(readOrReset(socket.getInputStream())).as("closed after the idle timeout").isLessThan(0);
            }
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
        assertThat(turnServer().stats().tcpIncidents(TcpIncident.OVER_SOURCE_CAP)).isEqualTo(overCap + 1);
        assertThat(turnServer().stats().tcpIncidents(TcpIncident.IDLE_WITHOUT_ALLOCATION))
                .isEqualTo(idle + TURN_TCP_PER_SOURCE);
    }

    /**
     * Finding 2: TURN over TCP queued 1,024 messages (not bytes) per connection, and four clients that never read
     * held 260 MB. Now two such clients are each dropped, with their allocations, once their bytes reach the
     * budget.
     */
    @Test
    void turnTcpClientsThatNeverReadAreDroppedAtTheirByteBudget() throws Exception {
        long overBudget = turnServer().stats().tcpIncidents(TcpIncident.OVER_OUTPUT_BUDGET);
        int allocationsBefore = turnServer().allocationCount();
        List<TurnTestClient> nonReaders = new ArrayList<>();
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(SERVER, 0))) {
            List<InetSocketAddress> relays = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                TurnTestClient client = TurnTestClient.tcp(new InetSocketAddress(SERVER, turnServer().port()), NON_READER)
                        .credentials(USER, PASSWORD);
                nonReaders.add(client);
                relays.add(allocate(client));
                permit(client, (InetSocketAddress) peer.getLocalSocketAddress());
            }
            // From here the clients read nothing: the kernel's buffers fill, then the server's queues.
            byte[] payload = new byte[1200];
            for (int sent = 0; sent < 400_000
                    && turnServer().stats().tcpIncidents(TcpIncident.OVER_OUTPUT_BUDGET) < overBudget + 2; sent++) {
                peer.send(new DatagramPacket(payload, payload.length, relays.get(sent % 2)));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> turnServer().stats()
                    .tcpIncidents(TcpIncident.OVER_OUTPUT_BUDGET) == overBudget + 2
                    && turnServer().allocationCount() == allocationsBefore);
        } finally {
            nonReaders.forEach(TurnTestClient::close);
        }
    }

    /** Finding 4: {@code /ws} accepted every Origin (cross-site WebSocket hijacking). */
    @Test
    void aForeignOriginIsRefusedWithA403() throws Exception {
        try (Socket socket = new Socket(server.baseUri().getHost(), server.httpPort(), FOREIGN_PAGE, 0)) {
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.httpPort()
                    + "\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 403");
        }
    }

    /** A signal each way between the signaling bystanders and a datagram between the TURN ones, each in order. */
    private static void bystandersStillRelay() {
        sequence++;
        alice.send(signal(bobId, sequence));
        assertThat(bob.expect("signal").path("payload").path("candidate").path("candidate").asText())
                .isEqualTo("candidate:" + sequence + " 1 udp 1 127.0.0.1 9 typ host");
        bob.send(signal(aliceId, sequence));
        assertThat(alice.expect("signal").path("from").asText()).isEqualTo(bobId);

        String text = "bystander datagram " + sequence;
        turnA.send(StunEncoder.of(MessageType.of(StunMethod.SEND, MessageClass.INDICATION), TurnTestClient.newId())
                .add(new XorPeerAddress(relayB)).add(new Data(ByteString.wrap(text.getBytes(StandardCharsets.UTF_8))))
                .toBytes());
        assertThat(new String(turnB.receiveStun().message().attribute(Data.class).orElseThrow().value().toByteArray(),
                StandardCharsets.UTF_8)).isEqualTo(text);
    }

    private static String signal(String to, int number) {
        return "{\"type\":\"signal\",\"to\":\"" + to + "\",\"payload\":{\"candidate\":{\"candidate\":\"candidate:"
                + number + " 1 udp 1 127.0.0.1 9 typ host\"}}}";
    }

    private static InetSocketAddress allocate(TurnTestClient client) {
        DecodedMessage allocated = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
        assertThat(TurnTestClient.errorCode(allocated)).isZero();
        return allocated.message().attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    private static void permit(TurnTestClient client, InetSocketAddress peer) {
        assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.CREATE_PERMISSION,
                new XorPeerAddress(peer)))).isZero();
    }

    private static TurnServer turnServer() {
        return server.turn().orElseThrow();
    }

    private static void trickle(Socket socket, String line) {
        try {
            socket.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException closed) {
            // cut off already
        }
    }

    /** Whether the server closed or reset the connection (a read returns end of stream or fails). */
    private static boolean isClosedByPeer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
