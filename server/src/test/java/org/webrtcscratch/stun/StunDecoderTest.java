package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.StunMethod;

/** What {@link StunDecoder} keeps, skips and records from well-formed messages. */
class StunDecoderTest {

    private static final String MI = "0008 0014" + "11".repeat(20);
    private static final String MI_SHA256 = "001c 0020" + "22".repeat(32);
    private static final String SOFTWARE_X = "8022 0001 78000000";
    private static final String REALM_R = "0014 0001 72000000";

    @Test
    void headerOnly() {
        DecodedMessage decoded = StunDecoder.stun().decode(Messages.withBody(0x0113, ""));

        assertThat(decoded.message()).isEqualTo(StunMessage.of(
                MessageType.of(StunMethod.ALLOCATE, MessageClass.ERROR_RESPONSE), Messages.ID));
        assertThat(decoded.hasIntegrity()).isFalse();
        assertThat(decoded.hasIntegritySha256()).isFalse();
    }

    @Test
    void paddingBytesAreIgnoredWhateverTheyHold() {
        StunMessage message = decode(Messages.bindingRequest("0006 0005 6162636465 ffffff"));

        assertThat(message.attributes()).containsExactly(new Username("abcde"));
    }

    @Test
    void afterMessageIntegrityOnlyTheSha256VariantAndFingerprintCount() {
        DecodedMessage decoded = StunDecoder.stun().decode(Messages.bindingRequest(
                SOFTWARE_X + MI + REALM_R + MI_SHA256 + REALM_R));

        assertThat(decoded.message().attributes()).extracting(Object::getClass).containsExactly(
                Software.class, MessageIntegrity.class, MessageIntegritySha256.class);
        assertThat(decoded.integrityOffset()).isEqualTo(28);
        assertThat(decoded.integritySha256Offset()).isEqualTo(28 + 24 + 8);
    }

    @Test
    void afterMessageIntegritySha256OnlyFingerprintCounts() {
        StunMessage message = decode(Messages.bindingRequest(MI_SHA256 + MI + REALM_R));

        assertThat(message.attributes()).extracting(Object::getClass).containsExactly(MessageIntegritySha256.class);
    }

    @Test
    void nothingCountsAfterFingerprint() {
        byte[] fingerprinted = StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST), Messages.ID)
                .add(new Software("x"))
                .fingerprint()
                .toBytes();
        byte[] withTrailer = appendAttribute(fingerprinted, REALM_R);

        StunMessage message = decode(withTrailer);

        assertThat(message.attributes()).hasSize(2).last().isInstanceOf(Fingerprint.class);
    }

    @Test
    void repeatedAttributesStayInOrderAndTheFirstIsTheOneLookedUp() {
        StunMessage message = decode(Messages.bindingRequest(REALM_R + "0014 0001 73000000"));

        assertThat(message.attributes(Realm.class)).containsExactly(new Realm("r"), new Realm("s"));
        assertThat(message.attribute(Realm.class)).contains(new Realm("r"));
        assertThat(message.has(Username.class)).isFalse();
    }

    @Test
    void unknownAttributesAreKeptAndTheRequiredOnesListedOnce() {
        StunMessage message = decode(Messages.bindingRequest(
                "7f01 0002 abcd0000  ff01 0000  7f01 0000  0003 0004 00000004"));

        assertThat(message.attributes()).containsExactly(
                new RawAttribute(0x7f01, ByteString.fromHex("abcd")),
                new RawAttribute(0xff01, ByteString.EMPTY),
                new RawAttribute(0x7f01, ByteString.EMPTY),
                new RawAttribute(0x0003, ByteString.fromHex("00000004")));
        assertThat(message.unknownComprehensionRequired()).containsExactly(0x7f01, 0x0003);
    }

    @Test
    void decodesASliceAndKeepsItsOwnCopy() {
        byte[] message = Messages.bindingRequest(SOFTWARE_X);
        byte[] buffer = new byte[message.length + 10];
        System.arraycopy(message, 0, buffer, 3, message.length);

        DecodedMessage decoded = StunDecoder.stun().decode(buffer, 3, message.length);
        Arrays.fill(buffer, (byte) 0);

        assertThat(decoded.bytes()).isEqualTo(message);
        assertThat(decoded.message().attributes()).containsExactly(new Software("x"));
    }

    @Test
    void decodesTheRemainingBytesOfABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.allocate(64).put(new byte[5]).put(Messages.bindingRequest(SOFTWARE_X)).flip();
        buffer.position(5);

        DecodedMessage decoded = StunDecoder.stun().decode(buffer);

        assertThat(decoded.message().attributes()).containsExactly(new Software("x"));
        assertThat(buffer.position()).isEqualTo(5);
    }

    /** The message with one more attribute at the end, header length updated. */
    static byte[] appendAttribute(byte[] message, String attributeHex) {
        byte[] attribute = Hex.bytes(attributeHex);
        byte[] longer = Arrays.copyOf(message, message.length + attribute.length);
        System.arraycopy(attribute, 0, longer, message.length, attribute.length);
        int length = longer.length - StunHeader.HEADER_SIZE;
        longer[2] = (byte) (length >> 8);
        longer[3] = (byte) length;
        return longer;
    }

    private static StunMessage decode(byte[] bytes) {
        return StunDecoder.stun().decode(bytes).message();
    }
}
