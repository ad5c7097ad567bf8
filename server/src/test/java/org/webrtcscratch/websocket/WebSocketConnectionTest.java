package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.webrtcscratch.websocket.ClientFrames.concat;
import static org.webrtcscratch.websocket.ClientFrames.masked;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.websocket.RawSocket.ServerFrame;

/** Our WebSocket server on a real Jetty connector, driven by raw sockets and by the JDK's client. */
class WebSocketConnectionTest {

    private static final int MAX_MESSAGE = 4096;
    private static final int STREAM_TICKS = 400;

    private final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    private Server server;
    private int port;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    /**
     * Echoes text; "flood N" sends N 1 KiB messages; "close" closes with 4000; "stream" sends "tick" every
     * 25 ms, {@value #STREAM_TICKS} times, whatever the client does.
     */
    private final WebSocketEndpoint echo = socket -> new WebSocketListener() {
        @Override
        public void onText(String text) {
            if (text.equals("stream")) {
                for (int i = 1; i <= STREAM_TICKS; i++) {
                    ticker.schedule(() -> socket.sendText("tick"), 25L * i, TimeUnit.MILLISECONDS);
                }
            } else if (text.startsWith("flood ")) {
                String kilobyte = "x".repeat(1024);
                for (int i = Integer.parseInt(text.substring(6)); i > 0; i--) {
                    socket.sendText(kilobyte);
                }
            } else if (text.equals("close")) {
                socket.close(4000, "asked to");
            } else {
                socket.sendText("echo " + text + " via " + socket.host());
            }
        }

        @Override
        public void onBinary(byte[] data) {
            socket.sendText("binary " + data.length);
        }

        @Override
        public void onClose(int code) {
            closeCodes.add(code);
        }
    };

    @BeforeEach
    void start() throws Exception {
        startWith(new WebSocketSettings(MAX_MESSAGE, Duration.ofSeconds(30), Duration.ofSeconds(60), 64 * 1024));
    }

    private void startWith(WebSocketSettings settings) throws Exception {
        if (server != null) {
            server.stop();
        }
        server = new Server(new QueuedThreadPool(8, 2));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new WebSocketUpgrade("/ws", echo, settings));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        ticker.shutdownNow();
        server.stop();
    }

    @Test
    void theHandshakeAgreesToNoExtension() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            String response = client.request(RawSocket.upgradeRequest(
                    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"));
            assertThat(response).startsWith("HTTP/1.1 101 ")
                    .containsIgnoringCase("Upgrade: websocket")
                    .containsIgnoringCase("Connection: Upgrade")
                    .contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                    .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }

    @Test
    void framesSentAByteAtATimeWithAPingBetweenFragments() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            byte[] wire = concat(masked(false, 0x1, "Hel".getBytes(StandardCharsets.UTF_8)),
                    masked(true, 0x9, "are you there".getBytes(StandardCharsets.UTF_8)),
                    masked(true, 0x0, "lo".getBytes(StandardCharsets.UTF_8)));
            for (byte b : wire) {
                client.send(new byte[] {b});
            }
            ServerFrame pong = client.read();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("are you there");
            assertThat(client.read().text()).isEqualTo("echo Hello via 127.0.0.1");
        }
    }

    @Test
    void aFrameSentWithTheUpgradeRequestIsNotLost() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            byte[] requestAndFrame = concat(RawSocket.upgradeRequest("").getBytes(StandardCharsets.US_ASCII),
                    masked(0x1, "early"));
            client.send(requestAndFrame);
            client.request("");
            assertThat(client.read().text()).isEqualTo("echo early via 127.0.0.1");
        }
    }

    @Test
    void aClientCloseIsAnsweredAndTheConnectionEnds() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(masked(true, 0x8, new byte[] {0x03, (byte) 0xE8}));
            ServerFrame close = client.read();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void aServerCloseWaitsForTheClientsAnswer() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(masked(0x1, "close"));
            ServerFrame close = client.read();
            assertThat(close.closeCode()).isEqualTo(4000);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .isEqualTo("asked to");
            client.send(masked(0x1, "ignored after the close frame"));
            client.send(masked(true, 0x8, new byte[] {0x0F, (byte) 0xA0}));
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(4000);
    }

    @Test
    void aBrokenFrameFailsTheConnectionWithTheReason() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(ClientFrames.frame(0x81, false, "unmasked".getBytes(StandardCharsets.UTF_8)));
            ServerFrame close = client.read();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .contains("masked");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1002);
    }

    @Test
    void aBrokenFrameAfterTheServersCloseEndsTheConnectionAtOnce() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(masked(0x1, "close"));
            assertThat(client.read().closeCode()).isEqualTo(4000);
            client.send(ClientFrames.frame(0x81, false, "unmasked".getBytes(StandardCharsets.UTF_8)));
            assertThat(client.isClosedByServer()).isTrue(); // well before the 30 s idle timer would
        }
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(4000);
    }

    @Test
    void aMessageOverTheLimitFailsWith1009() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(masked(0x1, "x".repeat(MAX_MESSAGE + 1)));
            assertThat(client.read().closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aSilentPeerIsPingedThenDropped() throws Exception {
        startWith(new WebSocketSettings(MAX_MESSAGE, Duration.ofMillis(200), Duration.ofMillis(1000), 64 * 1024));
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            ServerFrame ping = client.read();
            assertThat(ping.opcode()).isEqualTo(0x9);
            while (true) {
                ServerFrame next;
                try {
                    next = client.read();
                } catch (java.io.EOFException closed) {
                    break;
                }
                assertThat(next.opcode()).isEqualTo(0x9);
            }
        }
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.ABNORMAL);
    }

    @Test
    void aSilentPeerIsDroppedEvenWhileWeKeepSendingToIt() throws Exception {
        startWith(new WebSocketSettings(MAX_MESSAGE, Duration.ofMillis(200), Duration.ofMillis(1000), 64 * 1024));
        int ticks = 0;
        int pings = 0;
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(masked(0x1, "stream"));
            while (true) { // reads everything, answers nothing
                ServerFrame next;
                try {
                    next = client.read();
                } catch (java.io.EOFException closed) {
                    break;
                }
                if (next.opcode() == 0x9) {
                    pings++;
                } else {
                    ticks++;
                }
            }
        }
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.ABNORMAL);
        assertThat(pings).isPositive();
        assertThat(ticks).isLessThan(STREAM_TICKS); // our writes did not keep it alive
    }

    @Test
    void aPeerThatAnswersPingsIsKept() throws Exception {
        startWith(new WebSocketSettings(MAX_MESSAGE, Duration.ofMillis(100), Duration.ofMillis(500), 64 * 1024));
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            for (int i = 0; i < 12; i++) { // well past the idle timeout
                assertThat(client.read().opcode()).isEqualTo(0x9);
                client.send(masked(true, 0xA, new byte[0]));
            }
            client.send(masked(0x1, "still here"));
            ServerFrame next = client.read();
            while (next.opcode() == 0x9) {
                next = client.read();
            }
            assertThat(next.text()).isEqualTo("echo still here via 127.0.0.1");
        }
    }

    @Test
    void aPeerThatReadsTooSlowlyIsDropped() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            client.upgrade();
            client.send(masked(0x1, "flood 50000")); // 50 MB, far more than the socket buffers hold
            assertThat(closeCodes.poll(30, TimeUnit.SECONDS)).isEqualTo(CloseCodes.ABNORMAL);
        }
    }

    @Test
    void theJdkClientTalksToIt() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(text.toString());
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        java.net.http.WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener).get(10, TimeUnit.SECONDS);
        ws.sendText("Zoë ", false).get(10, TimeUnit.SECONDS);
        ws.sendText("👩‍💻", true).get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo Zoë 👩‍💻 via 127.0.0.1:" + port);
        ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[300]), true).get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("binary 300");
        CompletableFuture<java.net.http.WebSocket> closed = ws.sendClose(1000, "done");
        closed.get(10, TimeUnit.SECONDS);
        assertThat(closeCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void otherRequestsAreToldOrPassedOn() throws Exception {
        try (RawSocket client = RawSocket.connect(port)) {
            assertThat(client.request("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 426 ");
        }
        try (RawSocket client = RawSocket.connect(port)) {
            assertThat(client.request(RawSocket.upgradeRequest("").replace("Version: 13", "Version: 8")))
                    .startsWith("HTTP/1.1 426 ").contains("Sec-WebSocket-Version: 13");
        }
        try (RawSocket client = RawSocket.connect(port)) {
            assertThat(client.request(RawSocket.upgradeRequest("").replace("/ws", "/elsewhere")))
                    .startsWith("HTTP/1.1 404 ");
        }
    }
}
