package org.webrtcscratch.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Connection} that records the frames it is sent and how it was closed, in place of a WebSocket.
 * Public for the tests of other packages that need a connection to open a session with.
 */
public final class FakeConnection implements Connection {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    volatile int closedWith;
    private final String address;

    /** A connection with no address: no per-address limit counts it. */
    public FakeConnection() {
        this(null);
    }

    /** A connection from {@code address}, counted by the per-address limits. */
    public FakeConnection(String address) {
        this.address = address;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void send(String text) {
        try {
            sent.add(JSON.readTree(text));
        } catch (Exception e) {
            throw new AssertionError("the server sent a frame that is not JSON: " + text, e);
        }
    }

    @Override
    public void close(int code, String reason) {
        closedWith = code;
    }

    @Override
    public String remote() {
        return "memory";
    }

    @Override
    public String host() {
        return null;
    }

    /** How many frames of {@code type} were sent. */
    long count(String type) {
        return sent.stream().filter(m -> m.path("type").asText().equals(type)).count();
    }

    /** The types of the frames sent so far, in order. */
    List<String> types() {
        return sent.stream().map(m -> m.path("type").asText()).toList();
    }

    /** The last frame of {@code type}. */
    JsonNode last(String type) {
        return sent.reversed().stream().filter(m -> m.path("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " among " + types()));
    }

    void clear() {
        sent.clear();
    }
}
