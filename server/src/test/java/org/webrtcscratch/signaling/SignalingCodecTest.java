package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec alone: a {@code signal} payload is checked as it is read and relayed as the text it came in. */
class SignalingCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FROM = "k2JdYv3sZ9kq0m1aXc7pQe";

    private final SignalingCodec codec = new SignalingCodec();

    /** Valid but unusual payloads: escapes, nesting, whitespace, extra fields, number spellings. */
    private static final List<String> UNUSUAL_PAYLOADS = List.of(
            "{\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}}",
            "{\"candidate\":null}",
            " {\n\t\"candidate\" :\r\n null\n } ",
            "{\"description\":{\"type\":\"rollback\"}}",
            "{\"candidate\":{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 54321 typ host\","
                    + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\"}}",
            "{\"candidate\":{\"candidate\":\"\",\"sdpMid\":null,\"sdpMLineIndex\":null}}",
            "{\"description\":{\"type\":\"answer\",\"sdp\":\"\\u0076=0 \\u00e9\\u4e2d\\ud83d\\ude00 \\\"q\\\" \\\\ \\/\"}}",
            "{\"description\":{\"type\":\"offer\",\"sdp\":\"é中😀 \u2028\u2029\"}}",
            "{\"hint\":{\"a\":[1,-2.50,3e10,1E-3,12345678901234567890,true,false,null,{\"b\":{\"c\":[[]]}}]},"
                    + "\"candidate\":null}",
            "{\"description\":{\"sdp\":\"v=0\",\"type\":\"pranswer\",\"extra\":{}},\"x-trace\":\"\"}",
            "{\"candidate\" : { \"candidate\" : \"c\" , \"sdpMLineIndex\" : 7 } }");

    @Test
    void unusualPayloadsArriveAndLeaveByteForByte() {
        for (String payload : UNUSUAL_PAYLOADS) {
            ClientMessage.Signal signal = decodeSignal("{\"type\":\"signal\",\"to\":\"p\",\"payload\":" + payload + "}");
            assertThat(signal.payload()).as(payload).isEqualTo(payload.strip());
            assertThat(codec.encode(new ServerMessage.Relayed(FROM, signal.payload()))).as(payload)
                    .isEqualTo("{\"type\":\"signal\",\"from\":\"" + FROM + "\",\"payload\":" + payload.strip() + "}");
        }
    }

    @Test
    void thePayloadSpanIsFoundWhereverItSitsAmongTheFields() {
        String payload = "{\"candidate\":{\"candidate\":\"}\\\"{\"}}";
        for (String message : List.of(
                "{\"payload\":" + payload + ",\"type\":\"signal\",\"to\":\"p\"}",
                "{\"type\":\"signal\",\"x\":{\"payload\":{}},\"to\":\"p\",\"payload\":" + payload + "}",
                "{\"id\":\"}{\" , \"type\":\"signal\",\"payload\"   :" + payload + "   ,\"to\":\"p\",\"more\":[{}]}",
                "\n\n  {\"to\":\"p\",\"type\":\"signal\",\"payload\":" + payload + "}\n")) {
            assertThat(decodeSignal(message).payload()).as(message).isEqualTo(payload);
        }
    }

    @Test
    void randomPayloadsRelayToTheSameTreeAsWhenTheyWereReserialised() throws Exception {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            ObjectNode tree = randomPayload(random);
            String payload = new RandomJsonWriter(random).write(tree);
            String message = "{\"type\":\"signal\",\"to\":\"p\",\"id\":" + seed + ",\"payload\":" + payload + "}";

            ClientMessage.Signal signal = decodeSignal(message);
            assertThat(signal.payload()).as("seed %d", seed).isEqualTo(payload);

            JsonNode relayed = MAPPER.readTree(codec.encode(new ServerMessage.Relayed(FROM, signal.payload())));
            ObjectNode reserialised = NODES.objectNode().put("type", "signal").put("from", FROM);
            reserialised.set("payload", tree);
            assertThat(relayed).as("seed %d: %s", seed, payload).isEqualTo(reserialised);
            assertThat(fieldNames(relayed)).containsExactly("type", "from", "payload");
        }
    }

    @Test
    void theRelayedFrameIsJsonWithThePayloadAsItCameEvenWhenFromNeedsEscaping() throws Exception {
        for (String from : List.of(FROM, "a\"b\\c\u0001\u001f\n\u2028é😀</")) {
            String payload = UNUSUAL_PAYLOADS.get(6);
            String frame = codec.encode(new ServerMessage.Relayed(from, payload));
            ObjectNode expected = NODES.objectNode().put("type", "signal").put("from", from);
            expected.set("payload", MAPPER.readTree(payload));
            assertThat(MAPPER.readTree(frame)).isEqualTo(expected);
            assertThat(fieldNames(MAPPER.readTree(frame))).containsExactly("type", "from", "payload");
            assertThat(frame).endsWith(",\"payload\":" + payload + "}");
            assertThat(MAPPER.readTree(frame).path("from").textValue()).isEqualTo(from);
        }
    }

    /** Every refusal still reads as it did when the payload was re-serialised (messages pinned from then). */
    @Test
    void refusalsAreUnchanged() {
        String to = "\"type\":\"signal\",\"to\":\"p\"";
        record Refusal(String text, ErrorCode code, String message) { }
        List<Refusal> refusals = List.of(
                new Refusal("", ErrorCode.BAD_JSON, "a message must be a JSON object, got nothing"),
                new Refusal("  ", ErrorCode.BAD_JSON, "a message must be a JSON object, got nothing"),
                new Refusal("[1,2]", ErrorCode.BAD_JSON, "a message must be a JSON object, got array"),
                new Refusal("null", ErrorCode.BAD_JSON, "a message must be a JSON object, got null"),
                new Refusal("\"signal\"", ErrorCode.BAD_JSON, "a message must be a JSON object, got string"),
                new Refusal("[1,", ErrorCode.BAD_JSON, null),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":null,\"candidate\":null}}", ErrorCode.BAD_JSON, null),
                new Refusal("{" + to + ",\"to\":\"q\",\"payload\":{\"candidate\":null}}", ErrorCode.BAD_JSON, null),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":nul}}", ErrorCode.BAD_JSON, null),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":null}", ErrorCode.BAD_JSON, null),
                new Refusal("{" + to + ",}", ErrorCode.BAD_JSON, null),
                new Refusal("{" + to + "}", ErrorCode.BAD_REQUEST,
                        "field 'payload' must be an object holding 'description' or 'candidate'"),
                new Refusal("{" + to + ",\"payload\":[]}", ErrorCode.BAD_REQUEST,
                        "field 'payload' must be an object holding 'description' or 'candidate'"),
                new Refusal("{" + to + ",\"payload\":\"{}\"}", ErrorCode.BAD_REQUEST,
                        "field 'payload' must be an object holding 'description' or 'candidate'"),
                new Refusal("{" + to + ",\"payload\":{}}", ErrorCode.BAD_REQUEST,
                        "'payload' must hold exactly one of 'description' and 'candidate'"),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":null,\"description\":null}}", ErrorCode.BAD_REQUEST,
                        "'payload' must hold exactly one of 'description' and 'candidate'"),
                new Refusal("{" + to + ",\"payload\":{\"description\":\"v=0\"}}", ErrorCode.BAD_REQUEST,
                        "'payload.description' must be an object {type, sdp}"),
                new Refusal("{" + to + ",\"payload\":{\"description\":{\"type\":\"hello\",\"sdp\":\"\"}}}",
                        ErrorCode.BAD_REQUEST, null),
                new Refusal("{" + to + ",\"payload\":{\"description\":{\"type\":\"offer\"}}}", ErrorCode.BAD_REQUEST,
                        "'payload.description.sdp' must be a string"),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":{\"sdpMid\":\"0\"}}}", ErrorCode.BAD_REQUEST,
                        "'payload.candidate.candidate' must be a string"),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":\"c\"}}", ErrorCode.BAD_REQUEST,
                        "'payload.candidate' must be an object or null"),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":-1}}}",
                        ErrorCode.BAD_REQUEST, "'payload.candidate.sdpMLineIndex' must be a non-negative integer or null"),
                new Refusal("{" + to + ",\"payload\":{\"candidate\":{\"candidate\":\"c\",\"sdpMid\":0}}}",
                        ErrorCode.BAD_REQUEST, "'payload.candidate.sdpMid' must be a string or null"),
                new Refusal("{\"type\":\"signal\",\"payload\":{\"candidate\":null}}", ErrorCode.BAD_REQUEST,
                        "missing field 'to'"),
                new Refusal("{\"type\":\"signal\",\"to\":5}", ErrorCode.BAD_REQUEST, "field 'to' must be a string"),
                new Refusal("{" + to + ",\"id\":[],\"payload\":{\"candidate\":null}}", ErrorCode.BAD_REQUEST,
                        "field 'id' must be a number or a string of at most 64 characters"),
                new Refusal("{\"payload\":{\"candidate\":null}}", ErrorCode.UNKNOWN_TYPE,
                        "message has no string field 'type'"),
                new Refusal("{\"type\":\"relay\"}", ErrorCode.UNKNOWN_TYPE, "unknown message type 'relay'"));
        for (Refusal refusal : refusals) {
            SignalingException e = catchThrowableOfType(SignalingException.class, () -> codec.decode(refusal.text()));
            assertThat(e).as(refusal.text()).isNotNull();
            assertThat(e.code()).as(refusal.text()).isEqualTo(refusal.code());
            if (refusal.message() != null) {
                assertThat(e.getMessage()).as(refusal.text()).isEqualTo(refusal.message());
            }
        }
    }

    private ClientMessage.Signal decodeSignal(String text) {
        return (ClientMessage.Signal) codec.decode(text);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ObjectNode randomPayload(Random random) {
        ObjectNode payload = NODES.objectNode();
        if (random.nextBoolean()) {
            ObjectNode description = payload.putObject("description");
            description.put("type", List.of("offer", "answer", "pranswer").get(random.nextInt(3)));
            description.put("sdp", randomString(random, 400));
        } else if (random.nextInt(4) == 0) {
            payload.putNull("candidate");
        } else {
            ObjectNode candidate = payload.putObject("candidate");
            candidate.put("candidate", randomString(random, 80));
            candidate.put("sdpMid", randomString(random, 3));
            candidate.put("sdpMLineIndex", random.nextInt(8));
            candidate.put("usernameFragment", randomString(random, 8));
        }
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            payload.set("x-" + extra, randomValue(random, 3));
        }
        return payload;
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0 -> NODES.textNode(randomString(random, 20));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextInt(2000) / 8.0);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomString(random, 6) + i, randomValue(random, depth - 1));
                }
                yield object;
            }
            default -> {
                var array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
        };
    }

    /** SDP-like text with the characters JSON must escape, non-ASCII letters and astral code points mixed in. */
    private static String randomString(Random random, int maxLength) {
        String alphabet = "abcv=0 \r\n\t\"\\/:é中\u2028\u0001\u001f";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            if (random.nextInt(40) == 0) {
                text.appendCodePoint(0x1F600 + random.nextInt(64));
            } else {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }

    /** Writes a tree as valid JSON text a browser might send: random whitespace, random optional escapes. */
    private record RandomJsonWriter(Random random) {

        String write(JsonNode node) {
            StringBuilder out = new StringBuilder();
            value(node, out);
            return out.toString();
        }

        private void value(JsonNode node, StringBuilder out) {
            if (node.isObject()) {
                out.append('{');
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    space(out);
                    string(field.getKey(), out);
                    space(out);
                    out.append(':');
                    space(out);
                    value(field.getValue(), out);
                    space(out);
                    out.append(fields.hasNext() ? "," : "");
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    space(out);
                    value(node.get(i), out);
                    space(out);
                    out.append(i + 1 < node.size() ? "," : "");
                }
                out.append(']');
            } else if (node.isTextual()) {
                string(node.textValue(), out);
            } else {
                out.append(node.toString());
            }
        }

        private void string(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append(random.nextBoolean() ? "\\n" : "\\u000a");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '/' -> out.append(random.nextBoolean() ? "\\/" : "/");
                    default -> out.append(c < 0x20 || random.nextInt(8) == 0 ? String.format("\\u%04X", (int) c) : c);
                }
            }
            out.append('"');
        }

        private void space(StringBuilder out) {
            for (int i = random.nextInt(4) == 0 ? random.nextInt(4) : 0; i > 0; i--) {
                out.append(" \t\r\n".charAt(random.nextInt(4)));
            }
        }
    }
}
