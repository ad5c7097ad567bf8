package org.webrtcscratch.turn.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunDecodeException;
import org.webrtcscratch.stun.StunDecoder;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.RawAttribute;

/**
 * Properties of the whole codec: no input makes it throw anything but {@link StunDecodeException}, and what it
 * encodes it decodes back to the same value.
 */
class CodecPropertiesTest {

    /** A mutation of an encoded message: overwrite, truncate or insert at a position taken modulo the length. */
    record Mutation(int kind, int position, byte value) {

        byte[] applyTo(byte[] bytes) {
            int at = bytes.length == 0 ? 0 : Math.floorMod(position, bytes.length);
            return switch (kind) {
                case 0 -> {
                    byte[] copy = bytes.clone();
                    if (copy.length > 0) {
                        copy[at] = value;
                    }
                    yield copy;
                }
                case 1 -> Arrays.copyOf(bytes, at);
                default -> {
                    byte[] longer = new byte[bytes.length + 4];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    Arrays.fill(longer, at, at + 4, value);
                    System.arraycopy(bytes, at, longer, at + 4, bytes.length - at);
                    yield longer;
                }
            };
        }
    }

    @Property
    void randomBytesDecodeOrFailWithADecodeException(@ForAll @Size(max = 120) byte[] bytes) {
        decodeAndReencode(bytes);
        decodeChannelData(bytes);
    }

    /**
     * Well-formed attribute headers, mostly of known types, around random values: every attribute decoder meets
     * values of every length and content.
     */
    @Property
    void randomAttributeValuesDecodeOrFailWithADecodeException(@ForAll("headers") StunMessage header,
            @ForAll @Size(max = 6) List<@From("randomValues") RawAttribute> attributes) {
        decodeAndReencode(StunEncoder.of(header).addAll(attributes).toBytes());
    }

    /** With {@code fixLength} the length field is made to match again, so that decoding goes past the header. */
    @Property
    void mutatedMessagesDecodeOrFailWithADecodeException(@ForAll("messages") StunMessage message,
            @ForAll boolean fingerprint, @ForAll @Size(min = 1, max = 4) List<@From("mutations") Mutation> mutations,
            @ForAll boolean fixLength) {
        byte[] bytes = encode(message, fingerprint);
        for (Mutation mutation : mutations) {
            bytes = mutation.applyTo(bytes);
        }
        if (fixLength && bytes.length >= StunMessage.HEADER_SIZE) {
            int length = bytes.length - StunMessage.HEADER_SIZE;
            bytes[2] = (byte) (length >> 8);
            bytes[3] = (byte) length;
        }

        decodeAndReencode(bytes);
        decodeChannelData(bytes);
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("messages") StunMessage message) {
        assertThat(TurnCodec.DECODER.decode(StunEncoder.encode(message)).message()).isEqualTo(message);
    }

    @Property
    void fingerprintedMessagesDecodeToTheMessagePlusTheirFingerprint(@ForAll("messages") StunMessage message) {
        List<Attribute> decoded = TurnCodec.DECODER.decode(encode(message, true)).message().attributes();

        assertThat(decoded.subList(0, decoded.size() - 1)).isEqualTo(message.attributes());
        assertThat(decoded.getLast()).isInstanceOf(Fingerprint.class);
    }

    @Property
    void channelDataRoundTrips(@ForAll("channelNumbers") int channel, @ForAll @Size(max = 300) byte[] data,
            @ForAll boolean padded) {
        ChannelData message = new ChannelData(channel, ByteBuffer.wrap(data));
        byte[] bytes = message.toBytes(padded);

        assertThat(ChannelData.decode(ByteBuffer.wrap(bytes))).isEqualTo(message);
        assertThat(Framing.frameLength(ByteBuffer.wrap(bytes))).isEqualTo(message.encodedLength(true));
    }

    @Provide
    Arbitrary<StunMessage> messages() {
        Arbitrary<List<Attribute>> body = CodecArbitraries.bodyAttributes().list().ofMaxSize(8);
        Arbitrary<List<Attribute>> integrity = Arbitraries.oneOf(List.of(
                Arbitraries.just(List.of()),
                CodecArbitraries.messageIntegrities().map(List::<Attribute>of),
                CodecArbitraries.messageIntegritiesSha256().map(List::<Attribute>of),
                Combinators.combine(CodecArbitraries.messageIntegrities(), CodecArbitraries.messageIntegritiesSha256())
                        .as(List::<Attribute>of)));
        return Combinators.combine(CodecArbitraries.messageTypes(), CodecArbitraries.transactionIds(), body, integrity)
                .as((type, id, attributes, trailer) -> new StunMessage(type, id,
                        java.util.stream.Stream.concat(attributes.stream(), trailer.stream()).toList()));
    }

    @Provide
    Arbitrary<StunMessage> headers() {
        return Combinators.combine(CodecArbitraries.messageTypes(), CodecArbitraries.transactionIds())
                .as((type, id) -> new StunMessage(type, id, List.of()));
    }

    @Provide
    Arbitrary<RawAttribute> randomValues() {
        Arbitrary<Integer> knownTypes = Arbitraries.of(AttributeType.class).map(AttributeType::code);
        Arbitrary<Integer> types = Arbitraries.frequencyOf(
                Tuple.of(9, knownTypes), Tuple.of(1, Arbitraries.integers().between(0, 0xFFFF)));
        return Combinators.combine(types, CodecArbitraries.bytes(0, 40)).as(RawAttribute::new);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(), Arbitraries.bytes())
                .as(Mutation::new);
    }

    @Provide
    Arbitrary<Integer> channelNumbers() {
        return Arbitraries.integers().between(ChannelData.MIN_CHANNEL_NUMBER, ChannelData.MAX_CHANNEL_NUMBER);
    }

    private static byte[] encode(StunMessage message, boolean fingerprint) {
        StunEncoder encoder = StunEncoder.of(message);
        return (fingerprint ? encoder.fingerprint() : encoder).toBytes();
    }

    /**
     * Decodes with both decoders; whatever decodes must re-encode to bytes that decode to the same message
     * (without FINGERPRINT, which covers bytes a re-encoding may change, such as padding).
     */
    private static void decodeAndReencode(byte[] bytes) {
        for (StunDecoder decoder : List.of(StunDecoder.stun(), TurnCodec.DECODER)) {
            DecodedMessage decoded;
            try {
                decoded = decoder.decode(bytes);
            } catch (StunDecodeException expected) {
                continue;
            }
            StunMessage withoutFingerprint = new StunMessage(decoded.message().type(),
                    decoded.message().transactionId(),
                    decoded.message().attributes().stream().filter(a -> !(a instanceof Fingerprint)).toList());
            assertThat(decoder.decode(StunEncoder.encode(withoutFingerprint)).message()).isEqualTo(withoutFingerprint);
        }
    }

    private static void decodeChannelData(byte[] bytes) {
        try {
            ChannelData.decode(ByteBuffer.wrap(bytes));
        } catch (StunDecodeException expected) {
            // refusing is fine; any other exception fails the property
        }
        try {
            Framing.frameLength(ByteBuffer.wrap(bytes));
        } catch (StunDecodeException expected) {
            // likewise
        }
    }
}
