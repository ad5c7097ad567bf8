package org.webrtcscratch.stun;

import java.text.Normalizer;

/**
 * Prepares passwords and realms before key derivation. RFC 8489 §9.2.2 names the PRECIS OpaqueString profile
 * (RFC 8265), RFC 5389 named SASLprep (RFC 4013); both vectors this codec is tested with (RFC 5769 §2.4 and
 * RFC 8489 Appendix B.1) map "The&lt;U+00AD&gt;M&lt;U+00AA&gt;tr&lt;U+2168&gt;" to "TheMatrIX", which is SASLprep's
 * behaviour. This is an approximation of SASLprep: the RFC 3454 B.1 "mapped to nothing" characters are dropped,
 * non-ASCII spaces become U+0020, then NFKC. Its prohibited-output, bidi and unassigned-code-point checks are
 * not done: a password that would be rejected there is used as mapped here.
 */
public final class Saslprep {

    private Saslprep() {
    }

    public static String prepare(String value) {
        StringBuilder mapped = new StringBuilder(value.length());
        value.codePoints()
                .filter(cp -> !isMappedToNothing(cp))
                .map(cp -> cp != ' ' && Character.isSpaceChar(cp) ? ' ' : cp)
                .forEach(mapped::appendCodePoint);
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    }

    /** RFC 3454 table B.1: soft hyphen, joiners, variation selectors and the like. */
    private static boolean isMappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF;
    }
}
