package org.webrtcscratch.turn.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunDecoder;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;

/**
 * Properties of the whole codec, checked on seeded random input (reproducible: a failure names its seed): no input makes it throw anything but {@link StunDecodeException}, and what it
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

    /** Tries per property: enough to meet every attribute decoder with every value shape, fast enough for CI. */
    private static final int TRIES = 1000;

    /** Runs {@code property} {@link #TRIES} times, each with its own seed, named in any failure to replay it. */
    private static void forAll(long baseSeed, java.util.function.Consumer<RandomCodecValues> property) {
        for (int i = 0; i < TRIES; i++) {
            long seed = baseSeed + i;
            try {
                property.accept(new RandomCodecValues(new java.util.SplittableRandom(seed)));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed with seed " + seed + ": " + e, e);
            }
        }
    }

    @Test
    void randomBytesDecodeOrFailWithADecodeException() {
        forAll(1_000, random -> {
            byte[] bytes = random.byteArray(0, 120);
            decodeAndReencode(bytes);
            decodeChannelData(bytes);
        });
    }

    /**
     * Well-formed attribute headers, mostly of known types, around random values: every attribute decoder meets
     * values of every length and content.
     */
    @Test
    void randomAttributeValuesDecodeOrFailWithADecodeException() {
        forAll(2_000, random -> {
            StunMessage header = new StunMessage(random.messageType(), random.transactionId(), List.of());
            decodeAndReencode(StunEncoder.of(header).addAll(random.listOf(6, random::randomValue)).toBytes());
        });
    }

    /** With {@code fixLength} the length field is made to match again, so that decoding goes past the header. */
    @Test
    void mutatedMessagesDecodeOrFailWithADecodeException() {
        forAll(3_000, random -> {
            byte[] bytes = encode(random.message(), random.coin());
            int mutations = random.between(1, 4);
            for (int i = 0; i < mutations; i++) {
                bytes = new Mutation(random.between(0, 2), random.between(0, Integer.MAX_VALUE - 1),
                        (byte) random.between(0, 255)).applyTo(bytes);
            }
            if (random.coin() && bytes.length >= StunHeader.HEADER_SIZE) {
                int length = bytes.length - StunHeader.HEADER_SIZE;
                bytes[2] = (byte) (length >> 8);
                bytes[3] = (byte) length;
            }
            decodeAndReencode(bytes);
            decodeChannelData(bytes);
        });
    }

    @Test
    void decodeOfEncodeIsIdentity() {
        forAll(4_000, random -> {
            StunMessage message = random.message();
            assertThat(TurnCodec.DECODER.decode(StunEncoder.encode(message)).message()).isEqualTo(message);
        });
    }

    @Test
    void fingerprintedMessagesDecodeToTheMessagePlusTheirFingerprint() {
        forAll(5_000, random -> {
            StunMessage message = random.message();
            List<Attribute> decoded = TurnCodec.DECODER.decode(encode(message, true)).message().attributes();
            assertThat(decoded.subList(0, decoded.size() - 1)).isEqualTo(message.attributes());
            assertThat(decoded.getLast()).isInstanceOf(Fingerprint.class);
        });
    }

    @Test
    void channelDataRoundTrips() {
        forAll(6_000, random -> {
            ChannelData message = new ChannelData(
                    random.between(ChannelData.MIN_CHANNEL_NUMBER, ChannelData.MAX_CHANNEL_NUMBER),
                    ByteBuffer.wrap(random.byteArray(0, 300)));
            byte[] bytes = message.toBytes(random.coin());
            assertThat(ChannelData.decode(ByteBuffer.wrap(bytes))).isEqualTo(message);
            assertThat(Framing.frameLength(ByteBuffer.wrap(bytes))).isEqualTo(message.encodedLength(true));
        });
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
