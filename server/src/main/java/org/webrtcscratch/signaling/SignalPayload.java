package org.webrtcscratch.signaling;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Set;

/**
 * The rules of a {@code signal}'s payload (docs/protocol.md): an object holding exactly one of
 * {@code description} ({@code {type, sdp}}, as RTCSessionDescriptionInit) and {@code candidate} (null, or
 * {@code {candidate, sdpMid?, sdpMLineIndex?, usernameFragment?}}, as RTCIceCandidateInit). Checked token by
 * token while the message is read, so the most frequent message builds no tree: the server only relays the
 * payload's text. The checks, and which problem is reported when there are several, are those of a check on
 * the parsed tree: the shape first, then each part's fields in a fixed order, whatever order they came in.
 */
final class SignalPayload {

    static final Set<String> DESCRIPTION_TYPES = Set.of("offer", "answer", "pranswer", "rollback");
    static final String NOT_AN_OBJECT = "field 'payload' must be an object holding 'description' or 'candidate'";

    private SignalPayload() {
    }

    /**
     * Reads the value at the parser's current token, up to and with its last token.
     *
     * @return what is wrong with it, or null if nothing is
     * @throws IOException when the JSON itself is broken (anywhere in the value: it is read to its end)
     */
    static String problem(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return NOT_AN_OBJECT;
        }
        boolean hasDescription = false;
        boolean hasCandidate = false;
        String descriptionProblem = null;
        String candidateProblem = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            parser.nextToken();
            switch (field) {
                case "description" -> {
                    hasDescription = true;
                    descriptionProblem = description(parser);
                }
                case "candidate" -> {
                    hasCandidate = true;
                    candidateProblem = candidate(parser);
                }
                default -> parser.skipChildren();
            }
        }
        if (hasDescription == hasCandidate) {
            return "'payload' must hold exactly one of 'description' and 'candidate'";
        }
        return hasDescription ? descriptionProblem : candidateProblem;
    }

    /** What a payload that has no {@link #problem} carries (see {@code SignalingCodec.signalKind}). */
    static String kind(JsonParser parser) throws IOException {
        parser.nextToken();
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            if (field.equals("candidate")) {
                return token == JsonToken.VALUE_NULL ? "end-of-candidates" : "candidate";
            }
            if (field.equals("description")) {
                for (String inner = parser.nextFieldName(); inner != null; inner = parser.nextFieldName()) {
                    if (parser.nextToken() == JsonToken.VALUE_STRING && inner.equals("type")) {
                        return parser.getText();
                    }
                    parser.skipChildren();
                }
            }
            parser.skipChildren();
        }
        throw new IllegalArgumentException("a payload with neither description nor candidate");
    }

    private static String description(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return "'payload.description' must be an object {type, sdp}";
        }
        String type = null;
        JsonToken sdp = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (field) {
                case "type" -> type = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "sdp" -> sdp = token;
                default -> { }
            }
            parser.skipChildren();
        }
        if (type == null || !DESCRIPTION_TYPES.contains(type)) {
            return "'payload.description.type' must be one of " + DESCRIPTION_TYPES;
        }
        boolean sdpRequired = !type.equals("rollback");
        if ((sdp == null && sdpRequired) || (sdp != null && sdp != JsonToken.VALUE_STRING)) {
            return "'payload.description.sdp' must be a string";
        }
        return null;
    }

    private static String candidate(JsonParser parser) throws IOException {
        JsonToken start = parser.currentToken();
        if (start == JsonToken.VALUE_NULL) {
            return null; // end of candidates
        }
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return "'payload.candidate' must be an object or null";
        }
        JsonToken line = null;
        JsonToken mid = null;
        JsonToken index = null;
        boolean indexValid = false;
        JsonToken usernameFragment = null;
        for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (field) {
                case "candidate" -> line = token;
                case "sdpMid" -> mid = token;
                case "sdpMLineIndex" -> {
                    index = token;
                    indexValid = token == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() == JsonParser.NumberType.INT && parser.getIntValue() >= 0;
                }
                case "usernameFragment" -> usernameFragment = token;
                default -> { }
            }
            parser.skipChildren();
        }
        if (line != JsonToken.VALUE_STRING) {
            return "'payload.candidate.candidate' must be a string";
        }
        if (isSetAndNot(mid, mid == JsonToken.VALUE_STRING)) {
            return optionalProblem("sdpMid", "a string");
        }
        if (isSetAndNot(index, indexValid)) {
            return optionalProblem("sdpMLineIndex", "a non-negative integer");
        }
        if (isSetAndNot(usernameFragment, usernameFragment == JsonToken.VALUE_STRING)) {
            return optionalProblem("usernameFragment", "a string");
        }
        return null;
    }

    /** An optional field counts as absent when missing or null. */
    private static boolean isSetAndNot(JsonToken value, boolean valid) {
        return value != null && value != JsonToken.VALUE_NULL && !valid;
    }

    private static String optionalProblem(String field, String what) {
        return "'payload.candidate." + field + "' must be " + what + " or null";
    }
}
