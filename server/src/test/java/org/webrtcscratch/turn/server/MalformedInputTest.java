package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.request;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.TurnCodec;
import org.webrtcscratch.turn.proto.XorPeerAddress;

/** Whatever arrives, the handler answers 400 where it can, drops the rest, and never throws. */
class MalformedInputTest {

    private final HandlerFixture fixture = new HandlerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRequestWithABadAttributeGets400WithItsTransactionId() {
        byte[] bytes = request(StunMethod.BINDING).add(new RawAttribute(0x0020, ByteString.wrap(new byte[3])))
                .toBytes();
        DecodedMessage response = fixture.answer(bytes, client(40000));
        assertThat(errorCode(response)).isEqualTo(400);
        assertThat(response.message().type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.ERROR_RESPONSE));
        assertThat(response.bytes().length).isLessThanOrEqualTo(2 * bytes.length);
        assertThat(fixture.stats.errors(org.webrtcscratch.stun.attr.StunErrorCode.BAD_REQUEST)).isEqualTo(1);
    }

    @Test
    void aWrongFingerprintIsDroppedSilently() {
        byte[] bytes = request(StunMethod.BINDING).fingerprint().toBytes();
        bytes[bytes.length - 1] ^= 1;
        assertThat(fixture.handle(bytes, client(40000))).isEqualTo(new TurnReply.Ignore(Ignored.MALFORMED));
    }

    @Test
    void nonStunBytesAndBrokenHeadersAreDropped() {
        for (byte[] bytes : List.of(new byte[0], new byte[] {0, 1, 0, 0, 0x21}, new byte[20],
                Arrays.copyOf(request(StunMethod.BINDING).toBytes(), 19), withoutCookie(), unknownMethod())) {
            assertThat(fixture.handle(bytes, client(40000))).isEqualTo(new TurnReply.Ignore(Ignored.MALFORMED));
        }
    }

    @Test
    void responsesFromAClientAreNotAnswered() {
        byte[] response = StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE),
                HandlerFixture.newId()).add(new XorMappedAddress(HandlerFixture.PEER)).toBytes();
        assertThat(fixture.handle(response, client(40000))).isEqualTo(new TurnReply.Ignore(Ignored.UNEXPECTED));
    }

    @Test
    void sendAndDataAreIndicationsNeverRequests() {
        DecodedMessage response = fixture.answer(request(StunMethod.SEND).toBytes(), client(40000));
        assertThat(errorCode(response)).isEqualTo(400);
        response = fixture.answer(request(StunMethod.DATA).toBytes(), client(40000));
        assertThat(errorCode(response)).isEqualTo(400);
    }

    /**
     * Randomized: valid requests of every method with bytes flipped, cut or appended, and plain noise. Whatever
     * comes back is a well-formed response to the same transaction, of a request that had a readable header.
     */
    @Test
    void mutatedMessagesNeverBreakTheHandler() {
        Random random = new Random(42);
        List<byte[]> seeds = List.of(
                request(StunMethod.BINDING).fingerprint().toBytes(),
                request(StunMethod.ALLOCATE, RequestedTransport.UDP, new Lifetime(60)).toBytes(),
                fixture.signed(client(1), StunMethod.ALLOCATE, RequestedTransport.UDP),
                fixture.signed(client(1), StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000),
                        new XorPeerAddress(HandlerFixture.PEER)),
                HandlerFixture.indication(StunMethod.SEND, new XorPeerAddress(HandlerFixture.PEER)).toBytes());
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = mutate(seeds.get(random.nextInt(seeds.size())), random);
            TurnReply reply = fixture.handle(bytes, client(2000 + random.nextInt(1000)));
            assertThat(reply).isNotNull();
            if (reply instanceof TurnReply.Respond respond) {
                DecodedMessage response = TurnCodec.DECODER.decode(respond.message().duplicate());
                assertThat(response.message().type().messageClass().isResponse()).isTrue();
                assertThat(response.message().transactionId()).isEqualTo(TransactionId.read(bytes, 8));
                assertThat(MessageType.fromCode((bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF).messageClass())
                        .isEqualTo(MessageClass.REQUEST);
            }
        }
        assertThat(fixture.stats.ignored(Ignored.INTERNAL_ERROR)).isZero();
        assertThat(fixture.stats.errors(org.webrtcscratch.stun.attr.StunErrorCode.SERVER_ERROR)).isZero();
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 2 -> {
                bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
                ByteBuffer.wrap(bytes).putShort(2, (short) (bytes.length - 20));
            }
            default -> random.nextBytes(bytes);
        }
        return bytes;
    }

    private static byte[] withoutCookie() {
        byte[] bytes = request(StunMethod.BINDING).toBytes();
        bytes[4] = 0;
        return bytes;
    }

    private static byte[] unknownMethod() {
        byte[] bytes = request(StunMethod.BINDING).toBytes();
        bytes[1] = 0x0B;
        return bytes;
    }
}
