package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.websocket.ClientFrames.hex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {

    @Test
    void rfc6455UnmaskedHello() {
        // RFC 6455 §5.7: "A single-frame unmasked text message".
        assertThat(bytes(FrameEncoder.text("Hello"))).isEqualTo(hex("81 05 48 65 6c 6c 6f"));
    }

    @Test
    void rfc6455LengthEncodings() {
        // §5.7: 256 bytes take a 16-bit length, 64 KiB a 64-bit one.
        assertThat(bytes(FrameEncoder.frame(Opcode.BINARY, new byte[256]))).startsWith(hex("82 7e 01 00"));
        assertThat(bytes(FrameEncoder.frame(Opcode.BINARY, new byte[65536])))
                .startsWith(hex("82 7f 00 00 00 00 00 01 00 00"));
        assertThat(bytes(FrameEncoder.frame(Opcode.BINARY, new byte[125]))).startsWith(hex("82 7d"));
    }

    @Test
    void textIsItsUtf8WhetherAsciiOrNot() {
        for (String text : new String[] {"", "{\"type\":\"ping\"}", "x".repeat(300), "Zoë 中 👩", "a\u007f\u0080b",
                "lone \ud83d surrogate"}) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] frame = bytes(FrameEncoder.text(text));
            assertThat(frame).as(text).startsWith(bytes(FrameEncoder.frame(Opcode.TEXT, utf8)));
            assertThat(frame).as(text).isEqualTo(bytes(FrameEncoder.frame(Opcode.TEXT, utf8)));
        }
    }

    @Test
    void pingAndPong() {
        assertThat(bytes(FrameEncoder.ping())).isEqualTo(hex("89 00"));
        assertThat(bytes(FrameEncoder.pong("Hello".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(hex("8a 05 48 65 6c 6c 6f"));
    }

    @Test
    void closeCarriesCodeAndAReasonCutToFitAtACharacter() {
        assertThat(bytes(FrameEncoder.close(1001, "bye"))).isEqualTo(hex("88 05 03 e9 62 79 65"));
        assertThat(bytes(FrameEncoder.close(1005, "ignored"))).isEqualTo(hex("88 00"));
        byte[] frame = bytes(FrameEncoder.close(1008, "€".repeat(60)));
        assertThat(frame[1]).isEqualTo((byte) (2 + 41 * 3)); // 41 whole euro signs fit in 123 bytes
        byte[] emojiFrame = bytes(FrameEncoder.close(1008, "👩".repeat(40)));
        String reason = new String(emojiFrame, 4, emojiFrame.length - 4, StandardCharsets.UTF_8);
        assertThat(reason).isEqualTo("👩".repeat(30));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
