package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void wellFormedTextIsValid() {
        for (String text : new String[] {"", "ascii", "Zoë", "€uro", "👩‍💻", "\u0000", "\uFFFF", "\uDBFF\uDFFF"}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.isValid(bytes, 0, bytes.length)).as(text).isTrue();
        }
    }

    @Test
    void illFormedSequencesAreInvalid() {
        String[] invalid = {
            "80",          // lone continuation byte
            "c0 80",       // overlong NUL
            "c1 bf",       // overlong
            "e0 80 80",    // overlong 3-byte
            "ed a0 80",    // surrogate U+D800
            "f0 80 80 80", // overlong 4-byte
            "f4 90 80 80", // above U+10FFFF
            "f5 80 80 80", // lead byte never used
            "e2 82",       // truncated
            "e2 28 a1",    // bad continuation
        };
        for (String hex : invalid) {
            byte[] bytes = ClientFrames.hex(hex);
            assertThat(Utf8.isValid(bytes, 0, bytes.length)).as(hex).isFalse();
        }
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        long seed = 6455L;
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int k = 0; k < bytes.length; k++) {
                // Mostly bytes around the interesting boundaries, so valid multi-byte forms come up often.
                bytes[k] = (byte) (random.nextInt(3) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(128));
            }
            assertThat(Utf8.isValid(bytes, 0, bytes.length)).as("seed %d case %d", seed, i)
                    .isEqualTo(strictlyDecodes(bytes));
        }
    }

    private static boolean strictlyDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
