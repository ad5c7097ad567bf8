package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The token-by-token check against the same rules written over a parsed tree (the oracle below), on payloads
 * drawn at random from the fields and value kinds that matter, in random order and with extra fields.
 */
class SignalPayloadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] VALUES = {"null", "true", "0", "-1", "7", "2.5", "1e3", "12345678901234567890",
            "\"\"", "\"offer\"", "\"answer\"", "\"pranswer\"", "\"rollback\"", "\"hello\"", "\"v=0\"", "[]", "[1,{}]",
            "{}", "{\"x\":[null]}"};

    @Test
    void agreesWithTheRulesCheckedOnATree() throws IOException {
        Random random = new Random(6455);
        for (int i = 0; i < 20_000; i++) {
            String payload = payload(random);
            JsonNode tree = MAPPER.readTree(payload);
            try (JsonParser parser = MAPPER.createParser(payload)) {
                parser.nextToken();
                assertThat(SignalPayload.problem(parser)).as("seed 6455, case %d: %s", i, payload)
                        .isEqualTo(treeProblem(tree));
                assertThat(parser.nextToken()).as("the whole value is read: %s", payload).isNull();
            }
        }
    }

    private static String payload(Random random) {
        if (random.nextInt(20) == 0) {
            return VALUES[random.nextInt(VALUES.length)];
        }
        List<String> fields = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            fields.add("\"description\":" + (random.nextInt(4) == 0 ? value(random) : object(random, "type", "sdp")));
        }
        if (random.nextInt(3) > 0) {
            fields.add("\"candidate\":" + switch (random.nextInt(4)) {
                case 0 -> "null";
                case 1 -> value(random);
                default -> object(random, "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment");
            });
        }
        if (random.nextBoolean()) {
            fields.add("\"extra\":" + value(random));
        }
        Collections.shuffle(fields, random);
        return "{" + String.join(",", fields) + "}";
    }

    private static String object(Random random, String... names) {
        List<String> fields = new ArrayList<>();
        for (String name : names) {
            if (random.nextInt(4) > 0) {
                fields.add("\"" + name + "\":" + value(random));
            }
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"other\":" + value(random));
        }
        Collections.shuffle(fields, random);
        return "{" + String.join(",", fields) + "}";
    }

    private static String value(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** The rules of docs/protocol.md, over a tree. */
    private static String treeProblem(JsonNode payload) {
        if (!(payload instanceof ObjectNode object)) {
            return SignalPayload.NOT_AN_OBJECT;
        }
        if (object.has("description") == object.has("candidate")) {
            return "'payload' must hold exactly one of 'description' and 'candidate'";
        }
        if (object.has("description")) {
            if (!(object.get("description") instanceof ObjectNode description)) {
                return "'payload.description' must be an object {type, sdp}";
            }
            JsonNode type = description.get("type");
            if (type == null || !type.isTextual() || !SignalPayload.DESCRIPTION_TYPES.contains(type.textValue())) {
                return "'payload.description.type' must be one of " + SignalPayload.DESCRIPTION_TYPES;
            }
            JsonNode sdp = description.get("sdp");
            if ((sdp == null && !type.textValue().equals("rollback")) || (sdp != null && !sdp.isTextual())) {
                return "'payload.description.sdp' must be a string";
            }
            return null;
        }
        JsonNode candidate = object.get("candidate");
        if (candidate.isNull()) {
            return null;
        }
        if (!(candidate instanceof ObjectNode fields)) {
            return "'payload.candidate' must be an object or null";
        }
        if (fields.get("candidate") == null || !fields.get("candidate").isTextual()) {
            return "'payload.candidate.candidate' must be a string";
        }
        if (isSetAndNot(fields.get("sdpMid"), fields.path("sdpMid").isTextual())) {
            return "'payload.candidate.sdpMid' must be a string or null";
        }
        JsonNode index = fields.get("sdpMLineIndex");
        if (isSetAndNot(index, index != null && index.canConvertToInt() && index.isIntegralNumber() && index.intValue() >= 0)) {
            return "'payload.candidate.sdpMLineIndex' must be a non-negative integer or null";
        }
        if (isSetAndNot(fields.get("usernameFragment"), fields.path("usernameFragment").isTextual())) {
            return "'payload.candidate.usernameFragment' must be a string or null";
        }
        return null;
    }

    private static boolean isSetAndNot(JsonNode value, boolean valid) {
        return value != null && !value.isNull() && !valid;
    }
}
