package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;

class IntegrityTest {

    private static final MessageType BINDING_REQUEST = MessageType.of(StunMethod.BINDING, MessageClass.REQUEST);
    private static final byte[] KEY = IntegrityKeys.shortTerm("secret");

    @Test
    void failsOnATamperedByteAndOnAnotherKey() {
        byte[] bytes = StunEncoder.of(BINDING_REQUEST, Messages.ID).add(new Software("x")).messageIntegrity(KEY)
                .toBytes();
        byte[] tampered = bytes.clone();
        tampered[24] = 'y';

        assertThat(Integrity.verifySha1(StunDecoder.stun().decode(bytes), KEY)).isTrue();
        assertThat(Integrity.verifySha1(StunDecoder.stun().decode(tampered), KEY)).isFalse();
        assertThat(Integrity.verifySha1(StunDecoder.stun().decode(bytes), IntegrityKeys.shortTerm("Secret"))).isFalse();
    }

    @Test
    void isFalseWithoutTheAttribute() {
        DecodedMessage decoded = StunDecoder.stun().decode(
                StunEncoder.of(BINDING_REQUEST, Messages.ID).messageIntegrity(KEY).toBytes());

        assertThat(Integrity.verifySha256(decoded, KEY)).isFalse();
        assertThat(Integrity.verify(decoded, KEY)).isTrue();
    }

    @Test
    void verifyPrefersSha256WhenBothArePresent() {
        byte[] sha1Key = IntegrityKeys.shortTerm("one");
        byte[] sha256Key = IntegrityKeys.shortTerm("two");
        DecodedMessage decoded = StunDecoder.stun().decode(StunEncoder.of(BINDING_REQUEST, Messages.ID)
                .messageIntegrity(sha1Key).messageIntegritySha256(sha256Key).toBytes());

        assertThat(Integrity.verify(decoded, sha256Key)).isTrue();
        assertThat(Integrity.verify(decoded, sha1Key)).isFalse();
    }

    @Test
    void stillVerifiesWhenIgnoredAttributesFollow() {
        byte[] signed = StunEncoder.of(BINDING_REQUEST, Messages.ID).add(new Software("x")).messageIntegrity(KEY)
                .toBytes();
        byte[] withTrailer = StunDecoderTest.appendAttribute(signed, "8022 0001 7a000000");

        DecodedMessage decoded = StunDecoder.stun().decode(withTrailer);

        assertThat(decoded.message().attributes()).hasSize(2);
        assertThat(Integrity.verifySha1(decoded, KEY)).isTrue();
    }

    @Test
    void verifiesATruncatedSha256() throws Exception {
        // 16-byte MESSAGE-INTEGRITY-SHA256, computed here with the JDK directly over a length field counting it.
        byte[] prefix = Messages.bindingRequest("8022 0001 78000000");
        prefix[3] = 8 + 4 + 16;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String hmac = java.util.HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(prefix), 16));
        byte[] message = Messages.bindingRequest("8022 0001 78000000  001c 0010" + hmac);

        DecodedMessage decoded = StunDecoder.stun().decode(message);
        byte[] tampered = message.clone();
        tampered[message.length - 1] ^= 1;

        assertThat(Integrity.verifySha256(decoded, KEY)).isTrue();
        assertThat(Integrity.verifySha256(StunDecoder.stun().decode(tampered), KEY)).isFalse();
    }
}
