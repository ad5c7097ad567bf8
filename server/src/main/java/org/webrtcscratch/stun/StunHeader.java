package org.webrtcscratch.stun;

/**
 * The part of a STUN header a server needs to answer: carried by a {@link StunDecodeException} when the
 * header was sound but the body was not, so that a request can still get a 400 (Bad Request).
 */
public record StunHeader(MessageType type, TransactionId transactionId) {
}
