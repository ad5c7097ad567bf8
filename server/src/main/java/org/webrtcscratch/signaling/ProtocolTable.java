package org.webrtcscratch.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of message types, {@code web/protocol-messages.json}: the protocol's source of truth, served with
 * the web app and packed in the jar with it. Tests hold the records, the codec and web/js/protocol.js to it;
 * here it gives the metrics their message-type tags.
 */
public final class ProtocolTable {

    /** Where the build puts the web app's copy on the class path. */
    static final String RESOURCE = "/web/protocol-messages.json";

    private ProtocolTable() {
    }

    /** The {@code type} of every message a client may send, in the table's order. */
    public static List<String> clientMessageTypes() {
        List<String> types = new ArrayList<>();
        for (JsonNode message : read().path("messages")) {
            if (message.path("direction").asText().equals("client-to-server")) {
                types.add(message.path("type").asText());
            }
        }
        return types;
    }

    static JsonNode read() {
        try (InputStream in = ProtocolTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
