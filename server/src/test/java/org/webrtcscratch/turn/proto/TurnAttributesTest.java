package org.webrtcscratch.turn.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.Hex;
import org.webrtcscratch.stun.Messages;
import org.webrtcscratch.stun.StunDecoder;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.StunMethod;

/** Each RFC 8656 attribute: its bytes on the wire, and decode(encode(a)) == a through {@link TurnCodec}. */
class TurnAttributesTest {

    private static final MessageType ALLOCATE_REQUEST = MessageType.of(StunMethod.ALLOCATE, MessageClass.REQUEST);

    static Stream<Attribute> attributes() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 49152);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 65535);
        return Stream.of(
                new ChannelNumber(0x4000), new ChannelNumber(0xFFFF),
                new Lifetime(0), new Lifetime(Lifetime.MAX_SECONDS),
                new XorPeerAddress(v4), new XorPeerAddress(v6),
                new XorRelayedAddress(v4), new XorRelayedAddress(v6),
                new Data(ByteString.EMPTY), new Data(ByteString.fromHex("0102030405")),
                RequestedAddressFamily.of(AddressFamily.IPV6), new RequestedAddressFamily(0x7f),
                AdditionalAddressFamily.of(AddressFamily.IPV6),
                new EvenPort(true), new EvenPort(false),
                RequestedTransport.UDP, new RequestedTransport(6),
                new DontFragment(),
                new ReservationToken(0x8000_0000_0000_0001L),
                new AddressErrorCode(AddressFamily.IPV4, ErrorCode.of(StunErrorCode.INSUFFICIENT_CAPACITY)),
                new Icmp(3, 4, 1400));
    }

    @ParameterizedTest
    @MethodSource("attributes")
    void roundTrips(Attribute attribute) {
        StunMessage message = StunMessage.of(ALLOCATE_REQUEST, Messages.ID, attribute);

        assertThat(TurnCodec.DECODER.decode(StunEncoder.encode(message)).message()).isEqualTo(message);
    }

    @Test
    void layouts() {
        assertThat(encode(new ChannelNumber(0x4001))).isEqualTo(Hex.bytes("000c 0004 40010000"));
        assertThat(encode(new Lifetime(600))).isEqualTo(Hex.bytes("000d 0004 00000258"));
        assertThat(encode(RequestedTransport.UDP)).isEqualTo(Hex.bytes("0019 0004 11000000"));
        assertThat(encode(RequestedAddressFamily.of(AddressFamily.IPV6))).isEqualTo(Hex.bytes("0017 0004 02000000"));
        assertThat(encode(AdditionalAddressFamily.of(AddressFamily.IPV6))).isEqualTo(Hex.bytes("8000 0004 02000000"));
        assertThat(encode(new EvenPort(true))).isEqualTo(Hex.bytes("0018 0001 80000000"));
        assertThat(encode(new DontFragment())).isEqualTo(Hex.bytes("001a 0000"));
        assertThat(encode(new ReservationToken(0x0102030405060708L)))
                .isEqualTo(Hex.bytes("0022 0008 0102030405060708"));
        assertThat(encode(new Data(ByteString.fromHex("aabbcc")))).isEqualTo(Hex.bytes("0013 0003 aabbcc00"));
        assertThat(encode(new Icmp(3, 4, 1400))).isEqualTo(Hex.bytes("8004 0008 0000 03 04 00000578"));
        assertThat(encode(new AddressErrorCode(AddressFamily.IPV6, new ErrorCode(440, "x"))))
                .isEqualTo(Hex.bytes("8001 0005 02 00 04 28 78 000000"));
    }

    @Test
    void xorPeerAddressMixesTheTransactionIdIntoIpv6() throws Exception {
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("::1"), 0x2112);

        // Port 0x2112 XOR 0x2112 = 0; the address XOR cookie||ID leaves cookie||ID except the last bit.
        assertThat(encode(new XorPeerAddress(peer)))
                .isEqualTo(Hex.bytes("0012 0014 0002 0000 2112a442 00010203 04050607 08090a0a"));
    }

    @Test
    void rawCodesStayAvailableToTheHandler() {
        assertThat(new RequestedAddressFamily(3).family()).isEmpty();
        assertThat(RequestedAddressFamily.of(AddressFamily.IPV4).family()).contains(AddressFamily.IPV4);
        assertThat(ChannelData.isValidChannelNumber(0x3FFF)).isFalse();
        assertThat(ChannelData.isValidChannelNumber(0x4FFF)).isTrue();
        assertThat(ChannelData.isValidChannelNumber(0x7FFF)).as("RFC 5766's range, still used by clients").isTrue();
        assertThat(ChannelData.isValidChannelNumber(0x8000)).isFalse();
        assertThat(Lifetime.of(Duration.ofMinutes(10).plusMillis(999))).isEqualTo(new Lifetime(600));
        assertThat(new Lifetime(600).duration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void malformedValuesAreDecodeErrorsCarryingTheHeader() {
        StunDecodeException lifetime = decodeError("000d 0002 0000 0000");
        StunDecodeException evenPort = decodeError("0018 0004 80000000");
        StunDecodeException addressError = decodeError("8001 0004 03000400");

        assertThat(lifetime.where()).isEqualTo("attribute LIFETIME (0x000d) at offset 20");
        assertThat(lifetime.why()).isEqualTo("value is 2 bytes, expected 4");
        assertThat(lifetime.header()).isPresent();
        assertThat(evenPort.why()).isEqualTo("value is 4 bytes, expected 1");
        assertThat(addressError.why()).isEqualTo("unknown address family 0x03");
        assertThat(decodeError("0022 0004 00000000").why()).isEqualTo("value is 4 bytes, expected 8");
        assertThat(decodeError("8004 0004 00000000").why()).isEqualTo("value is 4 bytes, expected 8");
        assertThat(decodeError("001a 0004 00000000").why()).isEqualTo("value is 4 bytes, expected 0");
    }

    @Test
    void aStunOnlyDecoderKeepsTurnAttributesRaw() {
        byte[] bytes = StunEncoder.of(ALLOCATE_REQUEST, Messages.ID).add(RequestedTransport.UDP).toBytes();

        StunMessage message = StunDecoder.stun().decode(bytes).message();

        assertThat(message.attributes()).containsExactly(new RawAttribute(0x0019, ByteString.fromHex("11000000")));
        assertThat(message.unknownComprehensionRequired()).containsExactly(0x0019);
    }

    @Test
    void typicalAllocateRequest() {
        byte[] key = org.webrtcscratch.stun.IntegrityKeys.longTermMd5("user", "example.org", "pass");
        byte[] bytes = StunEncoder.of(ALLOCATE_REQUEST, Messages.ID)
                .add(RequestedTransport.UDP)
                .add(new Lifetime(3600))
                .add(new DontFragment())
                .add(new org.webrtcscratch.stun.attr.Username("user"))
                .add(new org.webrtcscratch.stun.attr.Realm("example.org"))
                .add(new org.webrtcscratch.stun.attr.Nonce("n"))
                .messageIntegrity(key)
                .fingerprint()
                .toBytes();

        DecodedMessage decoded = TurnCodec.DECODER.decode(bytes);

        assertThat(decoded.message().attribute(RequestedTransport.class)).contains(RequestedTransport.UDP);
        assertThat(decoded.message().unknownComprehensionRequired()).isEmpty();
        assertThat(org.webrtcscratch.stun.Integrity.verify(decoded, key)).isTrue();
        assertThat(decoded.message().attributes(TurnAttribute.class)).hasSize(3);
    }

    @Test
    void recordsRefuseValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new Lifetime(-1)).hasMessage("lifetime -1 s is not an unsigned 32-bit number");
        assertThatThrownBy(() -> new ChannelNumber(0x10000)).hasMessage("channel number 65536 is not 16 bits");
        assertThatThrownBy(() -> new RequestedTransport(256)).hasMessage("protocol 256 is not 8 bits");
        assertThatThrownBy(() -> new Icmp(256, 0, 0)).hasMessage("ICMP type 256 and code 0 must be 8 bits");
    }

    private static StunDecodeException decodeError(String bodyHex) {
        byte[] message = Messages.withBody(ALLOCATE_REQUEST.code(), bodyHex);
        return org.assertj.core.api.Assertions.catchThrowableOfType(StunDecodeException.class,
                () -> TurnCodec.DECODER.decode(message));
    }

    private static byte[] encode(Attribute attribute) {
        byte[] message = StunEncoder.of(ALLOCATE_REQUEST, Messages.ID).add(attribute).toBytes();
        return Arrays.copyOfRange(message, StunHeader.HEADER_SIZE, message.length);
    }
}
