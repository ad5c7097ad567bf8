package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.TransactionId;
import org.webrtcscratch.turn.proto.ChannelData;
import org.webrtcscratch.turn.proto.Framing;
import org.webrtcscratch.turn.proto.TurnCodec;

/**
 * Coverage-guided fuzzing (Jazzer) of what a client's bytes reach first: the STUN/TURN decoder, the handler
 * behind it (authentication, allocations, permissions, channels), ChannelData and the TCP framing. Whatever the
 * bytes, nothing throws, nothing is an internal error, and an answer is a response to the same transaction.
 *
 * <p>Plain {@code ./mvnw test} runs the inputs kept in {@code TurnHandlerFuzzTestInputs/} (every finding is
 * kept there as a regression input); {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} (docs/testing.md).
 */
class TurnHandlerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytesGetAProperAnswerOrNone(byte[] bytes) {
        try (HandlerFixture fixture = new HandlerFixture()) {
            TurnReply reply = fixture.handle(bytes, HandlerFixture.client(40000));
            if (reply instanceof TurnReply.Respond respond) {
                DecodedMessage response = TurnCodec.DECODER.decode(respond.message().duplicate());
                assertThat(response.message().type().messageClass().isResponse()).isTrue();
                assertThat(response.message().transactionId()).isEqualTo(TransactionId.read(bytes, 8));
                assertThat(MessageType.fromCode((bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF).messageClass())
                        .isEqualTo(MessageClass.REQUEST);
            }
            assertThat(fixture.stats.ignored(Ignored.INTERNAL_ERROR)).isZero();
            assertThat(fixture.stats.errors(org.webrtcscratch.stun.attr.StunErrorCode.SERVER_ERROR)).isZero();
        }
        checkFraming(bytes);
    }

    /**
     * Requests signed with a valid key, so that the fuzzer reaches what lies behind authentication: the method
     * and every attribute (type and value) are the fuzzer's; a first Allocate makes the later methods meet state.
     */
    @FuzzTest(maxDuration = "10s")
    void signedRequestsWithAnyAttributesGetAProperAnswer(FuzzedDataProvider data) {
        try (HandlerFixture fixture = new HandlerFixture()) {
            FiveTuple client = HandlerFixture.client(40000);
            if (data.consumeBoolean()) {
                fixture.handle(fixture.signed(client, StunMethod.ALLOCATE, RequestedTransport.UDP), client);
            }
            StunMethod method = data.pickValue(StunMethod.values());
            List<Attribute> attributes = new ArrayList<>();
            for (int count = data.consumeInt(0, 6); count > 0; count--) {
                attributes.add(new RawAttribute(data.pickValue(ATTRIBUTE_TYPES),
                        ByteString.wrap(data.consumeBytes(data.consumeInt(0, 40)))));
            }
            TurnReply reply = fixture.handle(fixture.signed(client, method, attributes.toArray(Attribute[]::new)),
                    client);
            if (reply instanceof TurnReply.Respond respond) {
                assertThat(TurnCodec.DECODER.decode(respond.message().duplicate()).message().type().messageClass()
                        .isResponse()).isTrue();
            }
            assertThat(fixture.stats.ignored(Ignored.INTERNAL_ERROR)).isZero();
            assertThat(fixture.stats.errors(org.webrtcscratch.stun.attr.StunErrorCode.SERVER_ERROR)).isZero();
        }
    }

    /** Every attribute type the server knows, and a few it does not (comprehension-required and optional). */
    private static final Integer[] ATTRIBUTE_TYPES = {0x0001, 0x0006, 0x0008, 0x0009, 0x000A, 0x000C, 0x000D,
            0x0012, 0x0013, 0x0014, 0x0015, 0x0016, 0x0017, 0x0018, 0x0019, 0x001A, 0x001C, 0x001D, 0x001E, 0x0020,
            0x0022, 0x8000, 0x8001, 0x8002, 0x8003, 0x8004, 0x8022, 0x8023, 0x8028, 0x7FF1, 0xFF01};

    private static void checkFraming(byte[] bytes) {
        ByteBuffer stream = ByteBuffer.wrap(bytes);
        try {
            int length = Framing.frameLength(stream);
            assertThat(length).isGreaterThanOrEqualTo(-1);
            if (length > 0 && bytes.length >= ChannelData.HEADER_SIZE && (bytes[0] & 0xC0) == 0x40) {
                ChannelData.checkedDataLength(stream);
            }
        } catch (StunDecodeException expected) {
            // Not a frame: a TCP connection would be closed, which is the answer.
        }
    }
}
