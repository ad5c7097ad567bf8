package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;

class StunEncoderTest {

    private static final MessageType BINDING_REQUEST = MessageType.of(StunMethod.BINDING, MessageClass.REQUEST);
    private static final byte[] KEY = IntegrityKeys.shortTerm("secret");

    @Test
    void writesHeaderAttributesAndZeroPadding() {
        byte[] bytes = StunEncoder.of(BINDING_REQUEST, Messages.ID).add(new Username("abcde")).toBytes();

        assertThat(bytes).isEqualTo(Messages.bindingRequest("0006 0005 6162636465 000000"));
    }

    @Test
    void integrityAttributesAndFingerprintComeLastInTheirOrder() {
        StunEncoder encoder = StunEncoder.of(BINDING_REQUEST, Messages.ID)
                .add(new Software("x"))
                .fingerprint()
                .messageIntegritySha256(KEY)
                .messageIntegrity(KEY);

        DecodedMessage decoded = StunDecoder.stun().decode(encoder.toBytes());

        assertThat(encoder.encodedLength()).isEqualTo(20 + 8 + 24 + 36 + 8);
        assertThat(decoded.message().attributes()).extracting(Object::getClass).containsExactly(
                Software.class, MessageIntegrity.class, MessageIntegritySha256.class, Fingerprint.class);
        assertThat(Integrity.verifySha1(decoded, KEY)).isTrue();
        assertThat(Integrity.verifySha256(decoded, KEY)).isTrue();
    }

    @Test
    void encodesAtTheBufferPositionAndAdvancesIt() {
        StunEncoder encoder = StunEncoder.of(BINDING_REQUEST, Messages.ID).add(new Software("x")).fingerprint();
        ByteBuffer buffer = ByteBuffer.allocateDirect(100).position(7);

        int written = encoder.encodeInto(buffer);

        byte[] out = new byte[written];
        buffer.get(7, out);
        assertThat(written).isEqualTo(encoder.encodedLength());
        assertThat(buffer.position()).isEqualTo(7 + written);
        assertThat(out).isEqualTo(encoder.toBytes());
    }

    @Test
    void refusesABufferWithoutRoomAndWritesNothing() {
        ByteBuffer buffer = ByteBuffer.allocate(27);

        assertThatThrownBy(() -> StunEncoder.of(BINDING_REQUEST, Messages.ID).add(new Software("x")).encodeInto(buffer))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void refusesAMessageLongerThanTheLengthFieldCounts() {
        StunEncoder encoder = StunEncoder.of(BINDING_REQUEST, Messages.ID)
                .add(new RawAttribute(0x8fff, ByteString.wrap(new byte[0xFFFF])));

        assertThatThrownBy(encoder::toBytes)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body of 65540 bytes, more than 65532");
    }

    @Test
    void refusesAnEmptyKey() {
        assertThatThrownBy(() -> StunEncoder.of(BINDING_REQUEST, Messages.ID).messageIntegrity(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an HMAC key cannot be empty");
    }

    @Test
    void reEncodesADecodedMessageToTheSameBytes() {
        byte[] original = StunEncoder.of(BINDING_REQUEST, Messages.ID)
                .add(new Username("user"))
                .messageIntegrity(KEY)
                .fingerprint()
                .toBytes();

        assertThat(StunEncoder.encode(StunDecoder.stun().decode(original).message())).isEqualTo(original);
    }
}
