package org.webrtcscratch.websocket;

/**
 * One frame as it came off the wire (RFC 6455 §5.2), its payload already unmasked. No protocol rule beyond
 * the frame's own layout has been checked: what frames mean together is {@link MessageAssembler}'s job.
 */
public record Frame(boolean fin, Opcode opcode, byte[] payload) {
}
