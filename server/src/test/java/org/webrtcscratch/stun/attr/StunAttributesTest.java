package org.webrtcscratch.stun.attr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.webrtcscratch.stun.Hex;
import org.webrtcscratch.stun.Messages;
import org.webrtcscratch.stun.StunDecoder;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.StunMethod;

/** Each RFC 8489 attribute: its bytes on the wire, and decode(encode(a)) == a. */
class StunAttributesTest {

    private static final MessageType BINDING_RESPONSE =
            MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE);

    static Stream<Attribute> attributes() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 1);
        return Stream.of(
                new MappedAddress(v4), new MappedAddress(v6),
                new XorMappedAddress(v4), new XorMappedAddress(v6),
                new AlternateServer(v4), new AlternateServer(v6),
                new Username("alice"), new Username(""), new Username("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9"),
                new Realm("example.org"), new Nonce("obMatJos2AAAB" + "n".repeat(30)),
                new Software("webrtc-scratch 0.1"),
                new UserHash(ByteString.wrap(new byte[32])),
                new MessageIntegrity(ByteString.wrap(new byte[20])),
                new MessageIntegritySha256(ByteString.wrap(new byte[16])),
                new MessageIntegritySha256(ByteString.wrap(new byte[32])),
                ErrorCode.of(StunErrorCode.STALE_NONCE), new ErrorCode(699, ""),
                new UnknownAttributes(List.of(0x0024)), new UnknownAttributes(List.of(0x0024, 0x7f01, 0x0003)),
                PasswordAlgorithm.MD5, new PasswordAlgorithm(0x1234, ByteString.fromHex("abcdef")),
                PasswordAlgorithms.of(PasswordAlgorithm.SHA256, PasswordAlgorithm.MD5),
                PasswordAlgorithms.of(new PasswordAlgorithm(9, ByteString.fromHex("01")), PasswordAlgorithm.MD5),
                new RawAttribute(0x7f01, ByteString.fromHex("010203")), new RawAttribute(0xc001, ByteString.EMPTY));
    }

    @ParameterizedTest
    @MethodSource("attributes")
    void roundTrips(Attribute attribute) {
        StunMessage message = StunMessage.of(BINDING_RESPONSE, Messages.ID, attribute);

        assertThat(StunDecoder.stun().decode(StunEncoder.encode(message)).message()).isEqualTo(message);
    }

    @Test
    void errorCodeLayout() {
        assertThat(encode(ErrorCode.of(StunErrorCode.STALE_NONCE)))
                .isEqualTo(body("0009 000f 00000426 5374616c65204e6f6e6365 00"));
        assertThat(ErrorCode.of(StunErrorCode.STALE_NONCE).known()).contains(StunErrorCode.STALE_NONCE);
        assertThat(new ErrorCode(599, "x").known()).isEmpty();
    }

    @Test
    void unknownAttributesLayoutPadsAnOddCount() {
        assertThat(encode(new UnknownAttributes(List.of(0x0024, 0x7f01, 0x0003))))
                .isEqualTo(body("000a 0006 0024 7f01 0003 0000"));
    }

    @Test
    void passwordAlgorithmsLayoutPadsEachEntry() {
        assertThat(encode(PasswordAlgorithms.of(PasswordAlgorithm.SHA256, PasswordAlgorithm.MD5)))
                .isEqualTo(body("8002 0008 00020000 00010000"));
        PasswordAlgorithm withParameter = new PasswordAlgorithm(9, ByteString.fromHex("01"));
        assertThat(encode(PasswordAlgorithms.of(withParameter, PasswordAlgorithm.MD5)))
                .isEqualTo(body("8002 000c 00090001 01000000 00010000"));
        assertThat(encode(PasswordAlgorithm.SHA256)).isEqualTo(body("001d 0004 00020000"));
    }

    @Test
    void mappedAddressLayoutIsInTheClear() throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);

        assertThat(encode(new MappedAddress(address))).isEqualTo(body("0001 0008 0001 8055 c0000201"));
        assertThat(encode(new XorMappedAddress(address))).isEqualTo(body("0020 0008 0001 a147 e112a643"));
    }

    @Test
    void recordsRefuseValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new ErrorCode(299, "")).hasMessage("error code 299 outside 300..699");
        assertThatThrownBy(() -> new ErrorCode(700, "")).hasMessage("error code 700 outside 300..699");
        assertThatThrownBy(() -> new Username("\uD800"))
                .hasMessage("USERNAME has a lone surrogate, which UTF-8 cannot carry");
        assertThatThrownBy(() -> new Realm("\u00e9".repeat(382)))
                .hasMessage("REALM is 764 bytes of UTF-8, at most 763 allowed");
        assertThatThrownBy(() -> new UserHash(ByteString.wrap(new byte[31])))
                .hasMessage("USERHASH is 32 bytes, got 31");
        assertThatThrownBy(() -> new MessageIntegritySha256(ByteString.wrap(new byte[36])))
                .hasMessage("MESSAGE-INTEGRITY-SHA256 is 16 to 32 bytes in steps of 4, got 36");
        assertThatThrownBy(() -> new XorMappedAddress(InetSocketAddress.createUnresolved("example.org", 1)))
                .hasMessageStartingWith("unresolved address");
        assertThatThrownBy(() -> new UnknownAttributes(List.of(0x10000)))
                .hasMessage("attribute type 65536 is not 16 bits");
        assertThatThrownBy(() -> new RawAttribute(-1, ByteString.EMPTY)).hasMessage("attribute type -1 is not 16 bits");
    }

    @Test
    void rawAttributeComprehension() {
        assertThat(new RawAttribute(0x7fff, ByteString.EMPTY).isComprehensionRequired()).isTrue();
        assertThat(new RawAttribute(0x8000, ByteString.EMPTY).isComprehensionRequired()).isFalse();
    }

    @Test
    void byteStringsAreValues() {
        byte[] array = {1, 2, 3};
        ByteString copy = ByteString.copyOf(array);
        array[0] = 9;

        assertThat(copy).isEqualTo(ByteString.fromHex("010203")).hasSameHashCodeAs(ByteString.fromHex("010203"));
        assertThat(copy.toString()).isEqualTo("010203");
        assertThat(copy.asReadOnlyBuffer().isReadOnly()).isTrue();
    }

    /** The attribute's bytes in a Binding response, header stripped. */
    private static byte[] encode(Attribute attribute) {
        byte[] message = StunEncoder.of(BINDING_RESPONSE, Messages.ID).add(attribute).toBytes();
        return java.util.Arrays.copyOfRange(message, StunHeader.HEADER_SIZE, message.length);
    }

    private static byte[] body(String hex) {
        return Hex.bytes(hex);
    }
}
