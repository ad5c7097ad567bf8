package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.ManualTicker;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;
import org.webrtcscratch.turn.server.TcpIncident;

/** What a TCP client may hold of the running server: time without an allocation, connections, queued bytes. */
class TcpLimitsTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "wonderland";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final SettableClock clock = SettableClock.atEpochSecond(1_700_000_000L);
    private final ManualTicker ticker = new ManualTicker();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private TurnServer server;

    private void start(TcpLimits limits) {
        TurnSettings settings = TurnSettings.onLoopback().withUsers(List.of(USER + ":" + PASSWORD));
        server = TurnServer.start(settings.withConfig(settings.config().toBuilder().tcp(limits).build()), clock,
                ticker);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void aConnectionWithoutAnAllocationIsClosedAfterTheIdleTimeout() throws IOException {
        start(new TcpLimits(Duration.ofSeconds(10), 256, 512 * 1024, 8 << 20));
        Socket silent = socket(LOOPBACK);
        TurnTestClient talker = tcpClient();
        assertThat(talker.request(StunMethod.BINDING).message().type().messageClass())
                .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        TurnTestClient allocated = tcpClient();
        assertThat(TurnTestClient.errorCode(allocated.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP)))
                .isZero();

        clock.advanceSeconds(9);
        ticker.tick();
        assertThat(talker.request(StunMethod.BINDING).message().type().messageClass())
                .isEqualTo(MessageClass.SUCCESS_RESPONSE); // heard from: its 10 s start again
        clock.advanceSeconds(1);
        ticker.tick();

        assertThat(endOfStream(silent)).isTrue();
        assertThat(server.stats().tcpIncidents(TcpIncident.IDLE_WITHOUT_ALLOCATION)).isEqualTo(1);
        assertThat(TurnTestClient.errorCode(allocated.authenticated(StunMethod.REFRESH))).isZero();
        clock.advanceSeconds(10);
        ticker.tick();
        assertThat(TurnTestClient.errorCode(allocated.authenticated(StunMethod.REFRESH))).isZero();
        assertThat(server.stats().tcpIncidents(TcpIncident.IDLE_WITHOUT_ALLOCATION)).isEqualTo(2);
    }

    @Test
    void aSourceHoldsAtMostItsShareOfConnections() throws IOException {
        start(new TcpLimits(Duration.ofSeconds(30), 3, 512 * 1024, 8 << 20));
        List<Socket> mine = List.of(socket(LOOPBACK), socket(LOOPBACK), socket(LOOPBACK));
        for (Socket socket : mine) {
            assertThat(answersBinding(socket)).isTrue();
        }
        assertThat(endOfStream(socket(LOOPBACK))).isTrue();
        assertThat(server.stats().tcpIncidents(TcpIncident.OVER_SOURCE_CAP)).isEqualTo(1);
        assertThat(answersBinding(socket(InetAddress.getByName("127.0.0.2")))).isTrue();

        mine.getFirst().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> answersBinding(socket(LOOPBACK)));
    }

    @Test
    void aClientThatNeverReadsIsDroppedAtItsByteBudget() throws IOException {
        start(new TcpLimits(Duration.ofSeconds(30), 256, 128 * 1024, 1 << 20));
        TurnTestClient client = tcpClient();
        InetSocketAddress relayed = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP).message()
                .attribute(XorRelayedAddress.class).orElseThrow().address();
        DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        opened.add(peer);
        assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.CREATE_PERMISSION,
                new XorPeerAddress((InetSocketAddress) peer.getLocalSocketAddress())))).isZero();

        // The client reads nothing from here on; the kernel's buffers fill first, then the server's queue.
        byte[] payload = new byte[1200];
        for (int sent = 0; sent < 200_000 && server.stats().tcpIncidents(TcpIncident.OVER_OUTPUT_BUDGET) == 0;
                sent++) {
            peer.send(new DatagramPacket(payload, payload.length, relayed));
            if (sent % 64 == 0) {
                Thread.yield();
            }
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server.stats().tcpIncidents(TcpIncident.OVER_OUTPUT_BUDGET) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.allocationCount() == 0);
    }

    private TurnTestClient tcpClient() {
        TurnTestClient client = TurnTestClient.tcp(new InetSocketAddress(LOOPBACK, server.port()))
                .credentials(USER, PASSWORD);
        opened.add(client);
        return client;
    }

    private Socket socket(InetAddress local) throws IOException {
        Socket socket = new Socket(LOOPBACK, server.port(), local, 0);
        socket.setSoTimeout(5000);
        opened.add(socket);
        return socket;
    }

    /** Whether the server closed the connection (end of stream or reset) rather than leaving it open. */
    private static boolean endOfStream(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    /** Sends a Binding request and reads a whole response header and body. */
    private static boolean answersBinding(Socket socket) {
        try {
            socket.getOutputStream().write(StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST),
                    TurnTestClient.newId()).toBytes());
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(20);
            if (header.length < 20) {
                return false;
            }
            int length = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
            return in.readNBytes(length).length == length;
        } catch (IOException e) {
            return false;
        }
    }
}
