package org.webrtcscratch.signaling;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client message that is refused: becomes one {@code error} message to its sender, and nothing else
 * happens to the connection or the room.
 *
 * @see ErrorCode
 */
public final class SignalingException extends RuntimeException {

    private final ErrorCode code;
    private final String requestType;
    private final JsonNode requestId;

    public SignalingException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public SignalingException(ErrorCode code, String message, String requestType, JsonNode requestId) {
        super(message, null, false, false);
        this.code = code;
        this.requestType = requestType;
        this.requestId = requestId;
    }

    /** The same refusal, now knowing which request it answers. */
    public SignalingException answering(String type, JsonNode id) {
        return new SignalingException(code, getMessage(), type, id);
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code type} of the refused message, or null when it could not be read. */
    public String requestType() {
        return requestType;
    }

    /** The {@code id} of the refused message, or null when it had none. */
    public JsonNode requestId() {
        return requestId;
    }
}
