package org.webrtcscratch.turn.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LongTermKeyTest {

    /** Expected values computed with coreutils: {@code printf 'alice:example.org:wonderland' | md5sum}. */
    @Test
    void isTheMd5OfUsernameRealmAndPassword() {
        LongTermKey key = LongTermKey.derive("alice", "example.org", "wonderland");

        assertThat(HexFormat.of().formatHex(key.bytes())).isEqualTo("72f86f2053703faa0f521ce71cfe6f59");
    }

    @Test
    void preparesRealmAndPasswordAsTheRfcVectorsDo() {
        // U+00A0 (no-break space) maps to a plain space; "e" + U+0301 composes to U+00E9.
        assertThat(LongTermKey.derive("alice", "example\u00A0org", "caf\u0065\u0301"))
                .isEqualTo(LongTermKey.derive("alice", "example org", "caf\u00E9"));
        // RFC 8489 B.1's password: the soft hyphen goes, U+00AA and U+2168 fold to "a" and "IX".
        assertThat(LongTermKey.derive("alice", "example.org", "The\u00ADM\u00AAtr\u2168"))
                .isEqualTo(LongTermKey.derive("alice", "example.org", "TheMatrIX"));
        assertThat(LongTermKey.derive("alice", "example.org", "Wonderland"))
                .isNotEqualTo(LongTermKey.derive("alice", "example.org", "wonderland"));
    }

    @Test
    void keepsItsBytesToItself() {
        LongTermKey key = LongTermKey.derive("alice", "example.org", "wonderland");
        byte[] copy = key.bytes();
        copy[0] ^= 1;

        assertThat(key.bytes()).isNotEqualTo(copy);
        assertThat(LongTermKey.ofBytes(key.bytes())).isEqualTo(key);
        assertThat(key.toString()).doesNotContain("72f86f2053703faa0f521ce71cfe6f59");
        assertThatThrownBy(() -> LongTermKey.ofBytes(new byte[20])).hasMessageContaining("16 bytes");
    }
}
