package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.turn.proto.TurnCodec;

/**
 * Coverage-guided fuzzing (Jazzer) of the STUN/TURN message decoder on its own, with the encoder as its oracle
 * ({@code TurnHandlerFuzzTest} fuzzes the handler behind it). The contract, whatever the bytes: a message or a
 * {@link StunDecodeException} saying where and why, nothing else; a decoded message encodes again (zero padding,
 * a fresh FINGERPRINT where it had one) into bytes that decode to the same message. The bytes may differ: text
 * attributes read malformed UTF-8 as U+FFFD, as documented (a finding kept as {@code nonce-with-malformed-utf8}).
 *
 * <p>Plain {@code ./mvnw test} runs the inputs kept in {@code StunDecoderFuzzTestInputs/} (RFC 5769's and
 * RFC 8489's test vectors, a Binding, an Allocate and a ChannelData frame; every finding is kept there);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} (docs/testing.md).
 */
class StunDecoderFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decodedMessagesEncodeBackToTheSameMessage(byte[] bytes) {
        StunMessage message;
        try {
            message = TurnCodec.DECODER.decode(bytes).message();
        } catch (StunDecodeException refused) {
            assertThat(refused.where()).isNotBlank();
            assertThat(refused.why()).isNotBlank();
            return;
        }
        boolean fingerprinted = message.has(Fingerprint.class);
        StunEncoder encoder = StunEncoder.of(message.type(), message.transactionId()).addAll(withoutFingerprint(message));
        if (fingerprinted) {
            encoder.fingerprint();
        }
        byte[] again = encoder.toBytes();

        StunMessage decodedAgain = TurnCodec.DECODER.decode(again).message();
        assertThat(decodedAgain.type()).isEqualTo(message.type());
        assertThat(decodedAgain.transactionId()).isEqualTo(message.transactionId());
        assertThat(withoutFingerprint(decodedAgain)).isEqualTo(withoutFingerprint(message));
        assertThat(decodedAgain.has(Fingerprint.class)).isEqualTo(fingerprinted);
    }

    private static List<Attribute> withoutFingerprint(StunMessage message) {
        return message.attributes().stream().filter(a -> !(a instanceof Fingerprint)).toList();
    }
}
