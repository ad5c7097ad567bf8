package org.webrtcscratch.signaling;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * JSON text frames to {@link ClientMessage} and {@link ServerMessage} to JSON text frames. Pure: no I/O,
 * no state. Every refusal is a {@link SignalingException} that names the field and the rule it breaks.
 */
public final class SignalingCodec {

    private static final int MAX_ID_LENGTH = 64;
    private static final Set<String> DESCRIPTION_TYPES = Set.of("offer", "answer", "pranswer", "rollback");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public ClientMessage decode(String text) {
        ObjectNode object = parseObject(text);
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
                        id);
                case "signal" -> new ClientMessage.Signal(requiredText(object, "to"), checkPayload(object), id);
                case "leave" -> new ClientMessage.Leave(id);
                case "ping" -> new ClientMessage.Ping(id);
                default -> throw new SignalingException(ErrorCode.UNKNOWN_TYPE,
                        "unknown message type '" + Names.abbreviate(type) + "'");
            };
        } catch (SignalingException e) {
            throw e.answering(type, id != null && isValidId(id) ? id : null);
        }
    }

    public String encode(ServerMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode parseObject(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SignalingException(ErrorCode.BAD_JSON, "not valid JSON: " + e.getOriginalMessage()
                    + location(e));
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new SignalingException(ErrorCode.BAD_JSON, "a message must be a JSON object, got "
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

    private static ObjectNode checkPayload(ObjectNode message) {
        if (!(message.get("payload") instanceof ObjectNode payload)) {
            throw badRequest("field 'payload' must be an object holding 'description' or 'candidate'");
        }
        boolean hasDescription = payload.has("description");
        boolean hasCandidate = payload.has("candidate");
        if (hasDescription == hasCandidate) {
            throw badRequest("'payload' must hold exactly one of 'description' and 'candidate'");
        }
        if (hasDescription) {
            checkDescription(payload.get("description"));
        } else {
            checkCandidate(payload.get("candidate"));
        }
        return payload;
    }

    private static void checkDescription(JsonNode description) {
        if (!(description instanceof ObjectNode object)) {
            throw badRequest("'payload.description' must be an object {type, sdp}");
        }
        JsonNode type = object.get("type");
        if (type == null || !type.isTextual() || !DESCRIPTION_TYPES.contains(type.textValue())) {
            throw badRequest("'payload.description.type' must be one of " + DESCRIPTION_TYPES);
        }
        JsonNode sdp = object.get("sdp");
        boolean sdpRequired = !type.textValue().equals("rollback");
        if ((sdp == null && sdpRequired) || (sdp != null && !sdp.isTextual())) {
            throw badRequest("'payload.description.sdp' must be a string");
        }
    }

    private static void checkCandidate(JsonNode candidate) {
        if (candidate.isNull()) {
            return; // end of candidates
        }
        if (!(candidate instanceof ObjectNode object)) {
            throw badRequest("'payload.candidate' must be an object or null");
        }
        if (!(object.get("candidate") instanceof JsonNode line) || !line.isTextual()) {
            throw badRequest("'payload.candidate.candidate' must be a string");
        }
        checkOptional(object, "sdpMid", JsonNode::isTextual, "a string");
        checkOptional(object, "sdpMLineIndex", n -> n.canConvertToInt() && n.isIntegralNumber() && n.intValue() >= 0,
                "a non-negative integer");
        checkOptional(object, "usernameFragment", JsonNode::isTextual, "a string");
    }

    private static void checkOptional(ObjectNode object, String field, java.util.function.Predicate<JsonNode> valid,
                                      String what) {
        JsonNode value = object.get(field);
        if (value != null && !value.isNull() && !valid.test(value)) {
            throw badRequest("'payload.candidate." + field + "' must be " + what + " or null");
        }
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

    private static SignalingException badRequest(String message) {
        return new SignalingException(ErrorCode.BAD_REQUEST, message);
    }
}
