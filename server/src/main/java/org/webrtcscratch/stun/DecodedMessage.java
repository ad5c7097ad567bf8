package org.webrtcscratch.stun;

import java.util.Objects;

/**
 * A decoded message together with the exact bytes it came from. MESSAGE-INTEGRITY covers the bytes as
 * received (padding included), so {@link Integrity} verifies against {@link #bytes()} at the recorded offsets,
 * never against a re-encoding.
 *
 * @param bytes                 the message, header included, exactly as received (a private copy: do not mutate)
 * @param integrityOffset       where the MESSAGE-INTEGRITY attribute header starts in {@code bytes}, or {@link #ABSENT}
 * @param integritySha256Offset the same for MESSAGE-INTEGRITY-SHA256, or {@link #ABSENT}
 */
public record DecodedMessage(StunMessage message, byte[] bytes, int integrityOffset, int integritySha256Offset) {

    /** Offset value for an attribute the message does not carry. */
    public static final int ABSENT = -1;

    public DecodedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(bytes, "bytes");
    }

    public boolean hasIntegrity() {
        return integrityOffset != ABSENT;
    }

    public boolean hasIntegritySha256() {
        return integritySha256Offset != ABSENT;
    }
}
