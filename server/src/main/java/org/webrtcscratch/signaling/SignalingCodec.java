package org.webrtcscratch.signaling;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON text frames to {@link ClientMessage} and {@link ServerMessage} to JSON text frames. Pure: no I/O,
 * no state. Every refusal is a {@link SignalingException} that names the field and the rule it breaks.
 * A {@code signal} payload is checked as it is read ({@link SignalPayload}) and relayed as the text it
 * arrived in, so the server builds no tree for it and never serialises again what it never changes.
 */
public final class SignalingCodec {

    private static final int MAX_ID_LENGTH = 64;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public ClientMessage decode(String text) {
        Parsed parsed = parseObject(text);
        ObjectNode object = parsed.object();
        JsonNode id = object.get("id");
        JsonNode typeNode = object.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
        try {
            checkId(id);
            if (type == null) {
                throw new SignalingException(ErrorCode.UNKNOWN_TYPE, "message has no string field 'type'");
            }
            return switch (type) {
                case "join" -> new ClientMessage.Join(
                        Names.checkRoom(requiredText(object, "room")),
                        Names.checkDisplayName(requiredText(object, "name")),
                        optionalText(object, "resume"),
                        optionalBounded(object, "password", RoomPassword.MAX_LENGTH),
                        optionalBounded(object, "token", JoinTokens.MAX_TOKEN_LENGTH),
                        id);
                case "signal" -> {
                    String to = requiredText(object, "to");
                    if (parsed.payloadProblem() != null) {
                        throw badRequest(parsed.payloadProblem());
                    }
                    yield new ClientMessage.Signal(to, parsed.payloadJson(), id);
                }
                case "leave" -> new ClientMessage.Leave(id);
                case "ping" -> new ClientMessage.Ping(id);
                case "observe" -> new ClientMessage.Observe(requiredBoolean(object, "enabled"), id);
                case "lock" -> new ClientMessage.Lock(requiredBoolean(object, "locked"), id);
                case "refresh-ice-servers" -> new ClientMessage.RefreshIceServers(id);
                default -> throw new SignalingException(ErrorCode.UNKNOWN_TYPE,
                        "unknown message type '" + Names.abbreviate(type) + "'");
            };
        } catch (SignalingException e) {
            throw e.answering(type, id != null && isValidId(id) ? id : null);
        }
    }

    public String encode(ServerMessage message) {
        if (message instanceof ServerMessage.Relayed relayed) {
            return relayedFrame(relayed);
        }
        if (message instanceof ServerMessage.ServerEvent serverEvent) {
            return "{\"type\":\"server-event\",\"event\":" + serverEvent.event() + "}";
        }
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The most frequent frame, written here rather than by the mapper: no serialiser's per-call setup, and the
     * payload, already JSON text, goes in as it came. {@code from} is quoted by Jackson's own string encoder.
     */
    private static String relayedFrame(ServerMessage.Relayed relayed) {
        String from = String.valueOf(JsonStringEncoder.getInstance().quoteAsString(relayed.from()));
        return "{\"type\":\"signal\",\"from\":\"" + from + "\",\"payload\":" + relayed.payload() + "}";
    }

    /**
     * The message's top-level fields but {@code payload}; the payload's text if it is an object, else null;
     * and what is wrong with it as a {@code signal}'s payload, if anything (also when it is missing).
     */
    private record Parsed(ObjectNode object, String payloadJson, String payloadProblem) { }

    /**
     * Reads the top level field by field so that the payload's character span is known; each value is
     * read by the same tree reader as a whole message would be, so refusals do not change.
     */
    private Parsed parseObject(String text) {
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw notAnObject(first == null ? null : mapper.readTree(parser));
            }
            ObjectNode object = mapper.getNodeFactory().objectNode();
            String payloadJson = null;
            String payloadProblem = SignalPayload.NOT_AN_OBJECT;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                if (field.equals("payload")) {
                    int start = tokenOffset(parser);
                    payloadProblem = SignalPayload.problem(parser);
                    payloadJson = token == JsonToken.START_OBJECT
                            ? text.substring(start, tokenOffset(parser) + 1) // up to and with its '}'
                            : null;
                    continue;
                }
                // Strings (type, to, room ...) are built as the tree reader builds them, without its set-up cost.
                object.set(field, token == JsonToken.VALUE_STRING
                        ? mapper.getNodeFactory().textNode(parser.getText()) : mapper.readTree(parser));
            }
            return new Parsed(object, payloadJson, payloadProblem);
        } catch (JsonProcessingException e) {
            throw new SignalingException(ErrorCode.BAD_JSON, "not valid JSON: " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source cannot fail to read
        }
    }

    private static int tokenOffset(JsonParser parser) {
        return Math.toIntExact(parser.currentTokenLocation().getCharOffset());
    }

    private static SignalingException notAnObject(JsonNode node) {
        return new SignalingException(ErrorCode.BAD_JSON, "a message must be a JSON object, got "
                + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase()));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    }

    private static void checkId(JsonNode id) {
        if (id != null && !isValidId(id)) {
            throw new SignalingException(ErrorCode.BAD_REQUEST,
                    "field 'id' must be a number or a string of at most " + MAX_ID_LENGTH + " characters");
        }
    }

    private static boolean isValidId(JsonNode id) {
        return id.isNumber() || (id.isTextual() && id.textValue().length() <= MAX_ID_LENGTH);
    }

    private static String requiredText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw badRequest("missing field '" + field + "'");
        }
        if (!value.isTextual()) {
            throw badRequest("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static boolean requiredBoolean(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw badRequest("missing field '" + field + "'");
        }
        if (!value.isBoolean()) {
            throw badRequest("field '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    /**
     * What a valid signal payload carries: its description's type, {@code candidate}, or {@code end-of-candidates}
     * for a null candidate; read again only for a peer that observes.
     */
    String signalKind(String payload) {
        try (JsonParser parser = mapper.createParser(payload)) {
            return SignalPayload.kind(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the payload was read as valid JSON already
        }
    }

    /** A {@code server-event} frame: the event as JSON text, its times in epoch milliseconds. */
    public String encode(ServerSideEvent event) {
        try {
            return encode(new ServerMessage.ServerEvent(mapper.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String optionalText(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw badRequest("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** An optional string of 1 to {@code maxLength} characters. */
    private static String optionalBounded(ObjectNode object, String field, int maxLength) {
        String value = optionalText(object, field);
        if (value != null && (value.isEmpty() || value.length() > maxLength)) {
            throw badRequest("field '" + field + "' must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    private static SignalingException badRequest(String message) {
        return new SignalingException(ErrorCode.BAD_REQUEST, message);
    }
}
