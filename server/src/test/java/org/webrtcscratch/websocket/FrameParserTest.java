package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.webrtcscratch.websocket.ClientFrames.concat;
import static org.webrtcscratch.websocket.ClientFrames.hex;
import static org.webrtcscratch.websocket.ClientFrames.masked;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameParserTest {

    @Test
    void rfc6455MaskedHelloIsUnmasked() {
        // RFC 6455 §5.7: "A single-frame masked text message".
        Frame frame = new FrameParser(1024).parse(ByteBuffer.wrap(hex("81 85 37 fa 21 3d 7f 9f 4d 51 58")));
        assertThat(frame.fin()).isTrue();
        assertThat(frame.opcode()).isEqualTo(Opcode.TEXT);
        assertThat(new String(frame.payload(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
    }

    @Test
    void rfc6455MaskedPongIsUnmasked() {
        // RFC 6455 §5.7: "Pong response (masked), body of "Hello"".
        Frame frame = new FrameParser(1024).parse(ByteBuffer.wrap(hex("8a 85 37 fa 21 3d 7f 9f 4d 51 58")));
        assertThat(frame.opcode()).isEqualTo(Opcode.PONG);
        assertThat(new String(frame.payload(), StandardCharsets.US_ASCII)).isEqualTo("Hello");
    }

    @Test
    void lengthsOf7And16And64BitsAreRead() {
        for (int length : new int[] {0, 125, 126, 65535, 65536, 70000}) {
            byte[] payload = new byte[length];
            new Random(length).nextBytes(payload);
            Frame frame = new FrameParser(100_000).parse(ByteBuffer.wrap(masked(true, 0x2, payload)));
            assertThat(frame.payload()).as("length %d", length).isEqualTo(payload);
        }
    }

    @Test
    void framesCutAtEveryPointComeOutTheSame() {
        byte[] wire = concat(masked(0x1, "first"), masked(true, 0x2, new byte[300]), masked(0x9, ""),
                masked(0x1, "last"));
        for (int cut = 0; cut <= wire.length; cut++) {
            FrameParser parser = new FrameParser(1024);
            List<Frame> frames = new ArrayList<>();
            parseAll(parser, ByteBuffer.wrap(wire, 0, cut), frames);
            parseAll(parser, ByteBuffer.wrap(wire, cut, wire.length - cut), frames);
            assertThat(frames).as("cut at %d", cut).hasSize(4);
            assertThat(new String(frames.get(3).payload(), StandardCharsets.UTF_8)).isEqualTo("last");
        }
    }

    @Test
    void randomFramesInRandomPiecesRoundTrip() {
        long seed = 20261124L;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<byte[]> payloads = new ArrayList<>();
            java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 1 + random.nextInt(5); i++) {
                byte[] payload = new byte[random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(200)];
                random.nextBytes(payload);
                payloads.add(payload);
                wire.writeBytes(masked(true, 0x2, payload));
            }
            byte[] bytes = wire.toByteArray();
            FrameParser parser = new FrameParser(100_000);
            List<Frame> frames = new ArrayList<>();
            for (int at = 0; at < bytes.length; ) {
                int piece = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 9000));
                parseAll(parser, ByteBuffer.wrap(bytes, at, piece), frames);
                at += piece;
            }
            assertThat(frames).as("seed %d round %d", seed, round).hasSize(payloads.size());
            for (int i = 0; i < payloads.size(); i++) {
                assertThat(frames.get(i).payload()).as("seed %d round %d frame %d", seed, round, i)
                        .isEqualTo(payloads.get(i));
            }
        }
    }

    @Test
    void unmaskedClientFramesAreRefused() {
        // RFC 6455 §5.7's unmasked "Hello" is a server frame; a server must fail it from a client (§5.1).
        assertViolation(hex("81 05 48 65 6c 6c 6f"), 1002, "masked");
    }

    @Test
    void reservedBitsAndOpcodesAreRefused() {
        assertViolation(ClientFrames.frame(0xC1, true, new byte[1]), 1002, "reserved bits");
        assertViolation(ClientFrames.frame(0x83, true, new byte[1]), 1002, "reserved opcode 0x3");
        assertViolation(ClientFrames.frame(0x8B, true, new byte[1]), 1002, "reserved opcode 0xb");
    }

    @Test
    void controlFramesMustBeShortAndFinal() {
        assertViolation(ClientFrames.frame(0x09, true, new byte[1]), 1002, "control frames");
        assertViolation(masked(true, 0x9, new byte[126]), 1002, "control frames");
    }

    @Test
    void framesOverTheLimitAreRefusedBeforeTheirPayloadArrives() {
        byte[] header = java.util.Arrays.copyOf(masked(true, 0x1, new byte[2000]), 8);
        assertViolation(header, 1009, "over the limit of 1024");
    }

    @Test
    void aNegative64BitLengthIsRefused() {
        assertViolation(hex("82 ff 80 00 00 00 00 00 00 00 37 fa 21 3d"), 1002, "most significant bit");
    }

    private static void parseAll(FrameParser parser, ByteBuffer in, List<Frame> out) {
        Frame frame;
        while ((frame = parser.parse(in)) != null) {
            out.add(frame);
        }
        assertThat(in.hasRemaining()).isFalse();
    }

    private static void assertViolation(byte[] wire, int closeCode, String reason) {
        assertThatThrownBy(() -> new FrameParser(1024).parse(ByteBuffer.wrap(wire)))
                .isInstanceOfSatisfying(ProtocolViolation.class, v -> assertThat(v.closeCode()).isEqualTo(closeCode))
                .hasMessageContaining(reason);
    }
}
