package org.webrtcscratch.websocket;

/** What one or more frames mean together (RFC 6455 §5.4–§5.6): a whole data message or a control frame. */
public sealed interface Message {

    /** A whole text message, its UTF-8 checked. */
    record Text(String text) implements Message {
    }

    record Binary(byte[] data) implements Message {
    }

    /** §5.5.2: to be answered with a pong carrying the same data. */
    record Ping(byte[] data) implements Message {
    }

    /** §5.5.3: an answer to our ping, or an unsolicited heartbeat; either shows the peer is alive. */
    record Pong() implements Message {
    }

    /** §5.5.1; {@code code} is 1005 when the frame carried none (§7.4.1). */
    record Close(int code, String reason) implements Message {
    }
}
