package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of our RFC 6455 layer as a client's bytes reach it: {@link FrameParser}, then
 * {@link MessageAssembler}. The contract, whatever the bytes: the only failure is a {@link ProtocolViolation}
 * with a close code a server may send (1002, 1007, 1009); the same bytes give the same frames and the same
 * verdict in any split (one read, a byte per read, a cut where the input says); no frame is larger than the
 * limit and no control frame breaks §5.5; every frame masked again parses back to itself; a text message is
 * exactly the strict UTF-8 the JDK reads.
 *
 * <p>Plain {@code ./mvnw test} runs the inputs kept in {@code WebSocketFrameFuzzTestInputs/} (real frames:
 * RFC 6455 §5.7's examples, a browser's join and signal, fragments, pings, closes; every finding is kept there);
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} (docs/testing.md).
 */
class WebSocketFrameFuzzTest {

    /** Small, so that the fuzzer reaches the size limits of frames and of fragmented messages. */
    private static final int MAX_MESSAGE_BYTES = 1024;

    @FuzzTest(maxDuration = "10s")
    void anyBytesInAnySplitGiveTheSameFramesOrAViolation(byte[] bytes) {
        Parsed whole = parse(bytes, bytes.length);
        assertThat(parse(bytes, 1)).hasToString(whole.toString());
        assertThat(parse(bytes, 1 + Math.floorMod(Arrays.hashCode(bytes), 17))).hasToString(whole.toString());

        for (Frame frame : whole.frames()) {
            assertThat(frame.payload().length).isLessThanOrEqualTo(MAX_MESSAGE_BYTES);
            if (frame.opcode().isControl()) {
                assertThat(frame.fin()).isTrue();
                assertThat(frame.payload().length).isLessThanOrEqualTo(125);
            }
            byte[] again = ClientFrames.frame((frame.fin() ? 0x80 : 0) | frame.opcode().code, true, frame.payload());
            assertThat(parse(again, again.length)).hasToString(new Parsed(List.of(frame), null, null).toString());
        }
        assemble(whole.frames());
    }

    @FuzzTest(maxDuration = "5s")
    void utf8ValidationAgreesWithTheJdk(byte[] bytes) {
        assertThat(Utf8.isValid(bytes, 0, bytes.length)).isEqualTo(jdkReadsStrictly(bytes));
    }

    /** The frames up to the first violation, and that violation's close code and reason (null if none). */
    private record Parsed(List<Frame> frames, Integer closeCode, String reason) {

        /** Frames compared by content (a record of arrays compares them by identity). */
        @Override
        public String toString() {
            return frames.stream().map(f -> f.opcode() + (f.fin() ? "" : "(more)") + Arrays.toString(f.payload()))
                    .toList() + (closeCode == null ? "" : " then " + closeCode + " " + reason);
        }
    }

    /** Feeds {@code bytes} to one parser {@code chunk} bytes per read, as reads from a socket would. */
    private static Parsed parse(byte[] bytes, int chunk) {
        FrameParser parser = new FrameParser(MAX_MESSAGE_BYTES);
        List<Frame> frames = new ArrayList<>();
        try {
            for (int start = 0; start < bytes.length; start += chunk) {
                ByteBuffer read = ByteBuffer.wrap(bytes, start, Math.min(chunk, bytes.length - start));
                // Each call consumes something or returns null with the read used up: no loop can spin.
                for (int calls = 0; read.hasRemaining(); calls++) {
                    assertThat(calls).isLessThanOrEqualTo(chunk);
                    Frame frame = parser.parse(read);
                    if (frame == null) {
                        assertThat(read.hasRemaining()).isFalse();
                    } else {
                        frames.add(frame);
                    }
                }
            }
            return new Parsed(frames, null, null);
        } catch (ProtocolViolation violation) {
            assertThat(violation.closeCode()).isIn(CloseCodes.PROTOCOL_ERROR, CloseCodes.TOO_BIG);
            assertThat(violation.getMessage()).isNotBlank();
            return new Parsed(frames, violation.closeCode(), violation.getMessage());
        }
    }

    private static void assemble(List<Frame> frames) {
        MessageAssembler assembler = new MessageAssembler(MAX_MESSAGE_BYTES);
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (Frame frame : frames) {
            if (frame.opcode() == Opcode.TEXT || frame.opcode() == Opcode.BINARY) {
                pending.reset();
            }
            if (!frame.opcode().isControl()) {
                pending.writeBytes(frame.payload());
            }
            Message message;
            try {
                message = assembler.accept(frame);
            } catch (ProtocolViolation violation) {
                assertThat(violation.closeCode())
                        .isIn(CloseCodes.PROTOCOL_ERROR, CloseCodes.INVALID_DATA, CloseCodes.TOO_BIG);
                assertThat(violation.getMessage()).isNotBlank();
                return;
            }
            switch (message) {
                case null -> assertThat(frame.fin()).isFalse();
                case Message.Text text -> {
                    assertThat(pending.size()).isLessThanOrEqualTo(MAX_MESSAGE_BYTES);
                    assertThat(jdkReadsStrictly(pending.toByteArray())).isTrue();
                    assertThat(text.text().getBytes(StandardCharsets.UTF_8)).isEqualTo(pending.toByteArray());
                }
                case Message.Binary binary -> assertThat(binary.data()).isEqualTo(pending.toByteArray());
                case Message.Ping ping -> assertThat(ping.data()).isEqualTo(frame.payload());
                case Message.Pong pong -> assertThat(frame.opcode()).isEqualTo(Opcode.PONG);
                case Message.Close close -> assertThat(close.code() == CloseCodes.NO_STATUS
                        ? frame.payload().length == 0 : CloseCodes.maySend(close.code())).isTrue();
            }
        }
    }

    private static boolean jdkReadsStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
