package org.webrtcscratch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real WebSocket client (java.net.http) that queues every JSON message it receives. */
public final class WsTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final WebSocket socket;
    private volatile String closeReason;

    private WsTestClient(HttpClient http, URI uri) {
        this.socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, new Listener()).join();
    }

    public static WsTestClient connect(URI serverBase) {
        URI ws = URI.create(serverBase.toString().replaceFirst("^http", "ws") + "ws");
        return new WsTestClient(HttpClient.newHttpClient(), ws);
    }

    public static WsTestClient connect(HttpClient http, URI serverBase) {
        URI ws = URI.create(serverBase.toString().replaceFirst("^http", "ws") + "ws");
        return new WsTestClient(http, ws);
    }

    public WsTestClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public WsTestClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** Joins and returns the welcome. */
    public JsonNode join(String room, String name) {
        send("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}");
        return expect("welcome");
    }

    /** The next message, which must be of {@code type}. */
    public JsonNode expect(String type) {
        JsonNode message = next();
        assertThat(message.path("type").asText()).as("type of %s", message).isEqualTo(type);
        return message;
    }

    public JsonNode expectError(String code) {
        JsonNode error = expect("error");
        assertThat(error.path("code").asText()).as("error %s", error).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        return error;
    }

    public JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s", WAIT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts nothing arrives within {@code quiet}. */
    public void expectNothing(Duration quiet) throws InterruptedException {
        JsonNode message = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("no message expected").isNull();
    }

    /** The close status code, once the server has closed. */
    public int awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public String closeReason() {
        return closeReason;
    }

    public int pings() {
        return pings.get();
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** Drops the TCP connection without a close frame, as a network failure would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("server sent invalid JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            return WebSocket.Listener.super.onPing(webSocket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
