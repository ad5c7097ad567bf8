package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.clientV6;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.request;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.UnknownAttributes;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;

/** Binding (RFC 8489 §3): open to all, answered with XOR-MAPPED-ADDRESS, never much larger than the request. */
class BindingTest {

    private HandlerFixture fixture = new HandlerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBareRequestGetsTheClientsAddressAndNothingElse() {
        FiveTuple from = client(40000);
        byte[] bytes = request(StunMethod.BINDING).toBytes();
        DecodedMessage response = fixture.answer(bytes, from);
        assertThat(response.message().type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE));
        assertThat(response.message().attributes()).containsExactly(new XorMappedAddress(from.client()));
        assertThat(response.bytes()).hasSize(32);
        assertThat(fixture.stats.requests(StunMethod.BINDING)).isEqualTo(1);
    }

    @Test
    void anIpv6ClientGetsItsAddressEvenThoughTheAnswerIsJustOverTwiceTheRequest() {
        FiveTuple from = clientV6(40000);
        DecodedMessage response = fixture.answer(request(StunMethod.BINDING).toBytes(), from);
        assertThat(response.message().attribute(XorMappedAddress.class).orElseThrow().address())
                .isEqualTo(from.client());
        assertThat(response.bytes()).hasSize(44);
    }

    @Test
    void fingerprintIsEchoedWhenTheRequestHadOne() {
        DecodedMessage response = fixture.answer(request(StunMethod.BINDING).fingerprint().toBytes(), client(40000));
        assertThat(response.message().has(Fingerprint.class)).isTrue();
    }

    @Test
    void softwareIsSentOnlyWhenConfiguredAndRoomAllows() {
        byte[] roomy = request(StunMethod.BINDING).add(new Software("some client with a long name")).toBytes();
        assertThat(fixture.answer(roomy, client(40000)).message().has(Software.class)).isFalse();

        fixture.close();
        fixture = new HandlerFixture(UnaryOperator.identity(), Optional.of("scratch"));
        assertThat(fixture.answer(roomy, client(40000)).message().attribute(Software.class))
                .contains(new Software("scratch"));
        byte[] bare = request(StunMethod.BINDING).toBytes();
        assertThat(fixture.answer(bare, client(40000)).message().has(Software.class))
                .as("a 20-byte request leaves no room for SOFTWARE within 2x").isFalse();
    }

    @Test
    void aSoftwareNameShortEnoughToFitIsSentEvenToABareRequest() {
        byte[] bare = request(StunMethod.BINDING).toBytes();
        fixture.close();
        fixture = new HandlerFixture(UnaryOperator.identity(), Optional.of("abcd"));
        assertThat(fixture.answer(bare, client(40000)).message().attribute(Software.class))
                .as("32 bytes and 8 of SOFTWARE: within twice the request").contains(new Software("abcd"));
        fixture.close();
        fixture = new HandlerFixture(UnaryOperator.identity(), Optional.of("abcde"));
        assertThat(fixture.answer(bare, client(40000)).message().has(Software.class)).isFalse();
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420ListingThem() {
        byte[] bytes = request(StunMethod.BINDING).add(new RawAttribute(0x7F01, ByteString.wrap(new byte[4])))
                .add(new RawAttribute(0xC001, ByteString.wrap(new byte[4]))).toBytes();
        DecodedMessage response = fixture.answer(bytes, client(40000));
        assertThat(errorCode(response)).isEqualTo(420);
        assertThat(response.message().attribute(UnknownAttributes.class).orElseThrow().types()).containsExactly(0x7F01);
        assertThat(response.bytes().length).isLessThanOrEqualTo(2 * bytes.length);
    }

    /**
     * Randomized: requests of every shape (optional attributes, unknown ones, FINGERPRINT, from IPv4 and IPv6)
     * against a server with SOFTWARE configured. The answer is never over twice the request, except for the
     * bare minimum answer to a bare IPv6 request, and always says the client's address or why not.
     */
    @Test
    void answersStayWithinTwiceTheRequest() {
        fixture.close();
        fixture = new HandlerFixture(UnaryOperator.identity(), Optional.of("webrtc-scratch test build 1.0"));
        Random random = new Random(20240611);
        for (int i = 0; i < 2000; i++) {
            FiveTuple from = random.nextBoolean() ? client(1024 + i) : clientV6(1024 + i);
            StunEncoder request = request(StunMethod.BINDING);
            int attributes = random.nextInt(4);
            for (int a = 0; a < attributes; a++) {
                int type = random.nextInt(10) == 0 ? 0x7000 + random.nextInt(0x100) : 0xC000 + random.nextInt(0x100);
                request.add(new RawAttribute(type, ByteString.wrap(new byte[random.nextInt(12)])));
            }
            if (random.nextBoolean()) {
                request.fingerprint();
            }
            byte[] bytes = request.toBytes();
            DecodedMessage response = fixture.answer(bytes, from);
            boolean bareIpv6 = bytes.length == 20 && from.client().getAddress().getAddress().length == 16;
            if (!bareIpv6) {
                assertThat(response.bytes().length).as("answer to %d-byte request", bytes.length)
                        .isLessThanOrEqualTo(2 * bytes.length);
            }
            assertThat(response.message().has(XorMappedAddress.class) || errorCode(response) == 420).isTrue();
        }
    }

    @Test
    void aBindingIndicationIsNotAnswered() {
        byte[] bytes = StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.INDICATION),
                HandlerFixture.newId()).toBytes();
        assertThat(fixture.handle(bytes, client(40000))).isEqualTo(new TurnReply.Ignore(Ignored.UNEXPECTED));
    }

    @Test
    void theHandlerLeavesTheBufferAsItWas() {
        ByteBuffer packet = ByteBuffer.wrap(request(StunMethod.BINDING).toBytes());
        fixture.handler.handle(packet, client(40000));
        assertThat(packet.position()).isZero();
        assertThat(packet.remaining()).isEqualTo(20);
    }
}
