package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.PasswordAlgorithm;

class IntegrityKeysTest {

    @Test
    void longTermKeysHashUserRealmAndPreparedPassword() throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest("user:realm:pass".getBytes(StandardCharsets.UTF_8));
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest("user:realm:pass".getBytes(StandardCharsets.UTF_8));

        assertThat(IntegrityKeys.longTermMd5("user", "realm", "pa\u00ADss")).isEqualTo(md5);
        assertThat(IntegrityKeys.longTerm(PasswordAlgorithm.MD5, "user", "realm", "pass")).isEqualTo(md5);
        assertThat(IntegrityKeys.longTerm(PasswordAlgorithm.SHA256, "user", "realm", "pass")).isEqualTo(sha256);
    }

    @Test
    void unknownPasswordAlgorithmHasNoKey() {
        assertThatThrownBy(() -> IntegrityKeys.longTerm(new PasswordAlgorithm(7, ByteString.EMPTY), "u", "r", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortTermKeyIsThePreparedPassword() {
        assertThat(IntegrityKeys.shortTerm("a\u00A0b\uFB01")).isEqualTo("a bfi".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void saslprepMapsThenNormalizes() {
        assertThat(Saslprep.prepare("The\u00ADM\u00AAtr\u2168")).isEqualTo("TheMatrIX");
        assertThat(Saslprep.prepare("a\u200Bb\uFEFFc\u3000d")).isEqualTo("abc d");
        assertThat(Saslprep.prepare("user")).isEqualTo("user");
    }
}
