package org.webrtcscratch.turn.transport;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * STUN/TURN over TLS ({@code turns:}, RFC 8656 §3.1; RFC 7065 §3): the server's certificate, and the port, 5349
 * by IANA (RFC 8656 §17) or 443, which networks that let only HTTPS out still pass.
 *
 * @param port 0 picks a free one (tests)
 */
public record TlsListening(SSLContext context, int port) {

    /** The IANA port of STUN and TURN over TLS. */
    public static final int DEFAULT_PORT = 5349;

    public TlsListening {
        Objects.requireNonNull(context, "context");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TURN TLS port must be 0..65535, got " + port);
        }
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "TlsListening[port=" + port + "]";
    }
}
