package org.webrtcscratch.turn.server;

import java.util.Objects;

/**
 * Who a request authenticated as: the USERNAME and the long-term key its MESSAGE-INTEGRITY checked out
 * with, which also signs the response (RFC 8489 §9.2.4).
 */
record Credentials(String username, byte[] key) {

    Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(key, "key");
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
