package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.request;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.MessageClass;
import org.webrtcscratch.stun.MessageType;
import org.webrtcscratch.stun.StunDecoder;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.StunMethod;
import org.webrtcscratch.stun.TransactionId;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.turn.allocation.FiveTuple;

/** The short way for a bare Binding request gives exactly the general path's answer, and takes nothing else. */
class PlainBindingTest {

    private static final MessageType BINDING_REQUEST = MessageType.of(StunMethod.BINDING, MessageClass.REQUEST);

    @Test
    void answersExactlyAsTheGeneralPathDoesForRandomIdsAndAddresses() throws UnknownHostException {
        Random random = new Random(8489);
        for (Optional<String> software : List.of(Optional.<String>empty(), Optional.of("WebRTC Scratch"))) {
            Responses responses = new Responses(software, new TurnStats());
            for (int i = 0; i < 500; i++) {
                byte[] request = StunEncoder.of(BINDING_REQUEST,
                        new TransactionId(random.nextLong(), random.nextInt())).toBytes();
                InetSocketAddress client = randomAddress(random);
                Exchange exchange = Exchange.of(StunDecoder.stun().decode(request),
                        new FiveTuple(client, HandlerFixture.SERVER, FiveTuple.Transport.UDP));
                ByteBuffer general = responses.success(exchange, List.of(new XorMappedAddress(client)));

                ByteBuffer shortWay = PlainBinding.answer(ByteBuffer.wrap(request), client);

                assertThat(shortWay).as("seed 8489, case %d, %s", i, client).isEqualTo(general);
            }
        }
    }

    @Test
    void takesOnlyABindingRequestWithNoAttributes() {
        byte[] bare = request(StunMethod.BINDING).toBytes();
        assertThat(PlainBinding.matches(ByteBuffer.wrap(bare))).isTrue();
        assertThat(PlainBinding.matches(ByteBuffer.allocate(30).position(7).put(bare).position(7).limit(27)))
                .as("read where the buffer's position is").isTrue();

        assertThat(PlainBinding.matches(ByteBuffer.wrap(request(StunMethod.BINDING).fingerprint().toBytes())))
                .isFalse();
        assertThat(PlainBinding.matches(ByteBuffer.wrap(request(StunMethod.ALLOCATE).toBytes()))).isFalse();
        assertThat(PlainBinding.matches(ByteBuffer.wrap(StunEncoder.of(
                MessageType.of(StunMethod.BINDING, MessageClass.INDICATION), HandlerFixture.newId()).toBytes())))
                .isFalse();
        byte[] noCookie = bare.clone();
        noCookie[4] = 0; // an RFC 3489 request, which the general path refuses
        assertThat(PlainBinding.matches(ByteBuffer.wrap(noCookie))).isFalse();
        byte[] longer = new byte[bare.length + 4];
        System.arraycopy(bare, 0, longer, 0, bare.length);
        assertThat(PlainBinding.matches(ByteBuffer.wrap(longer))).as("length field 0, 4 bytes more").isFalse();
    }

    @Test
    void aSoftwareNameShortEnoughToFitIsStillSentToABareRequest() {
        byte[] bare = request(StunMethod.BINDING).toBytes();
        try (HandlerFixture fits = new HandlerFixture(UnaryOperator.identity(), Optional.of("abcd"))) {
            assertThat(fits.answer(bare, client(40000)).message().attribute(Software.class))
                    .contains(new Software("abcd"));
        }
        try (HandlerFixture tooLong = new HandlerFixture(UnaryOperator.identity(), Optional.of("abcde"))) {
            assertThat(tooLong.answer(bare, client(40000)).message().has(Software.class)).isFalse();
        }
    }

    private static InetSocketAddress randomAddress(Random random) throws UnknownHostException {
        byte[] ip = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(ip);
        return new InetSocketAddress(InetAddress.getByAddress(ip), random.nextInt(65536));
    }
}
