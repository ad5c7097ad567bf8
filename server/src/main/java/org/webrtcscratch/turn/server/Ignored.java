package org.webrtcscratch.turn.server;

/** Why a message from a client gets no answer (RFC 8489 §6.3: indications and bad input are dropped silently). */
public enum Ignored {
    /** Not a well-formed STUN message, or a request whose transaction ID could not be read. */
    MALFORMED,
    /** A response or an indication other than Send: a server expects neither from a client. */
    UNEXPECTED,
    /** A 401 the source is over its limit for (RFC 8489 §9.2.4 answers would otherwise reflect floods). */
    UNAUTHENTICATED_OVER_LIMIT,
    /** A Send indication that asks for what this server does not do (DONT-FRAGMENT, unknown attributes). */
    UNSUPPORTED,
    /** A Send indication without XOR-PEER-ADDRESS or DATA (RFC 8656 §11.2). */
    INCOMPLETE_SEND,
    /** Something broke while handling the message; logged. */
    INTERNAL_ERROR
}
