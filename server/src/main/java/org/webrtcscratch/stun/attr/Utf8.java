package org.webrtcscratch.stun.attr;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Checks for the text attributes, whose limits RFC 8489 states in bytes of UTF-8. */
final class Utf8 {

    private Utf8() {
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException when {@code value} has a lone surrogate (it has no UTF-8 form) or is too long
     */
    static String require(String value, int maxBytes, String what) {
        Objects.requireNonNull(value, what);
        if (value.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException(what + " has a lone surrogate, which UTF-8 cannot carry");
        }
        int length = bytes(value).length;
        if (length > maxBytes) {
            throw new IllegalArgumentException(
                    "%s is %d bytes of UTF-8, at most %d allowed".formatted(what, length, maxBytes));
        }
        return value;
    }
}
