package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.PasswordAlgorithm;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.UserHash;
import org.webrtcscratch.stun.header.StunDecodeException;

/**
 * RFC 8489 Appendix B.1, "Sample Request with Long-Term Authentication with MESSAGE-INTEGRITY-SHA256 and
 * USERHASH". The vector printed in the RFC is wrong: its Length field says 0x9c where 0x88 bytes follow, it lacks
 * the PASSWORD-ALGORITHM that a USERHASH request with a security-feature nonce needs, and its HMAC was computed
 * with the wrong length. Verified erratum 6268 replaces it; that corrected vector is the one that must pass, the
 * printed one is kept to show why it cannot.
 */
class Rfc8489VectorsTest {

    private static final String USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
    private static final String NONCE = "obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA";

    /** Appendix B.1 as corrected by erratum 6268: Length 0x90, PASSWORD-ALGORITHM SHA-256 added, new HMAC. */
    private static final byte[] CORRECTED = Hex.bytes("""
            00 01 00 90  21 12 a4 42  78 ad 34 33  c6 ad 72 c0  29 da 41 2e
            00 1e 00 20  4a 3c f3 8f  ef 69 92 bd  a9 52 c6 78  04 17 da 0f
                         24 81 94 15  56 9e 60 b2  05 c4 6e 41  40 7f 17 04
            00 15 00 29  6f 62 4d 61  74 4a 6f 73  32 41 41 41  43 66 2f 2f  34 39 39 6b  39 35 34 64
                         36 4f 4c 33  34 6f 4c 39  46 53 54 76  79 36 34 73  41 00 00 00
            00 14 00 0b  65 78 61 6d  70 6c 65 2e  6f 72 67 00
            00 1d 00 04  00 02 00 00
            00 1c 00 20  b5 c7 bf 00  5b 6c 52 a2  1c 51 c5 e8  92 f8 19 24
                         13 62 96 cb  92 7c 43 14  93 09 27 8c  c6 51 8e 65
            """);

    /** Appendix B.1 as printed. */
    private static final byte[] PUBLISHED = Hex.bytes("""
            00 01 00 9c  21 12 a4 42  78 ad 34 33  c6 ad 72 c0  29 da 41 2e
            00 1e 00 20  4a 3c f3 8f  ef 69 92 bd  a9 52 c6 78  04 17 da 0f
                         24 81 94 15  56 9e 60 b2  05 c4 6e 41  40 7f 17 04
            00 15 00 29  6f 62 4d 61  74 4a 6f 73  32 41 41 41  43 66 2f 2f  34 39 39 6b  39 35 34 64
                         36 4f 4c 33  34 6f 4c 39  46 53 54 76  79 36 34 73  41 00 00 00
            00 14 00 0b  65 78 61 6d  70 6c 65 2e  6f 72 67 00
            00 1c 00 20  e4 68 6c 8f  0e de b5 90  13 e0 70 90  01 0a 93 ef
                         cc bc cc 54  4c 0a 45 d9  f8 30 aa 6d  6f 73 5a 01
            """);

    @Test
    void appendixB1_asCorrectedByErratum6268() {
        DecodedMessage decoded = StunDecoder.stun().decode(CORRECTED);
        StunMessage message = decoded.message();

        assertThat(message.attribute(UserHash.class))
                .contains(new UserHash(IntegrityKeys.userHash(USERNAME, "example.org")));
        assertThat(message.attribute(Nonce.class)).contains(new Nonce(NONCE));
        assertThat(message.attribute(Nonce.class).orElseThrow().hasCookie()).isTrue();
        assertThat(message.attribute(Realm.class)).contains(new Realm("example.org"));
        assertThat(message.attribute(PasswordAlgorithm.class)).contains(PasswordAlgorithm.SHA256);

        byte[] key = IntegrityKeys.longTerm(PasswordAlgorithm.SHA256, USERNAME, "example.org", "TheMatrIX");
        assertThat(key).isEqualTo(IntegrityKeys.longTermSha256(USERNAME, "example.org", "The\u00ADM\u00AAtr\u2168"));
        assertThat(Integrity.verifySha256(decoded, key)).isTrue();
        assertThat(Integrity.verify(decoded, key)).isTrue();
        assertThat(Integrity.verifySha256(decoded,
                IntegrityKeys.longTermMd5(USERNAME, "example.org", "TheMatrIX"))).isFalse();

        byte[] rebuilt = StunEncoder.of(message.type(), message.transactionId())
                .addAll(message.attributes().stream().filter(a -> !(a instanceof MessageIntegritySha256)).toList())
                .messageIntegritySha256(key)
                .toBytes();
        assertThat(rebuilt).isEqualTo(CORRECTED);
    }

    @Test
    void appendixB1_asPublished_hasALengthFieldThatDoesNotMatchItsBytes() {
        assertThatThrownBy(() -> StunDecoder.stun().decode(PUBLISHED))
                .isInstanceOfSatisfying(StunDecodeException.class, e -> {
                    assertThat(e.where()).isEqualTo("header/length");
                    assertThat(e.why()).isEqualTo("length field says 156 bytes follow the header, 136 do");
                });

        // With the length repaired the message decodes, but its HMAC was computed over the wrong length field.
        byte[] repaired = PUBLISHED.clone();
        repaired[3] = (byte) 0x88;
        DecodedMessage decoded = StunDecoder.stun().decode(repaired);
        byte[] key = IntegrityKeys.longTermSha256(USERNAME, "example.org", "TheMatrIX");
        assertThat(Integrity.verifySha256(decoded, key)).isFalse();
    }
}
