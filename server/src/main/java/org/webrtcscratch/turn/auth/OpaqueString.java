package org.webrtcscratch.turn.auth;

import java.text.Normalizer;

/**
 * The PRECIS OpaqueString profile's mapping (RFC 8265 §4.2.2), which RFC 8489 §9.2.2 applies to realm and
 * password before hashing: non-ASCII spaces become U+0020, then Unicode NFC. The profile's refusal of
 * disallowed code points is left out: a credential that holds one simply never matches.
 */
final class OpaqueString {

    private OpaqueString() {
    }

    static String prepare(String text) {
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(cp ->
                mapped.appendCodePoint(cp != ' ' && Character.getType(cp) == Character.SPACE_SEPARATOR ? ' ' : cp));
        return Normalizer.normalize(mapped, Normalizer.Form.NFC);
    }
}
