package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    private final MessageAssembler assembler = new MessageAssembler(64);

    @Test
    void aFinalTextFrameIsAMessage() {
        assertThat(assembler.accept(text(true, "Hello"))).isEqualTo(new Message.Text("Hello"));
    }

    @Test
    void fragmentsJoinWithControlFramesBetweenThem() {
        // RFC 6455 §5.7's fragmented "Hel" + "lo", with a ping between the fragments (§5.4 allows it).
        assertThat(assembler.accept(text(false, "Hel"))).isNull();
        assertThat(assembler.accept(new Frame(true, Opcode.PING, bytes("?")))).isInstanceOf(Message.Ping.class);
        assertThat(assembler.accept(new Frame(true, Opcode.CONTINUATION, bytes("lo")))).isEqualTo(new Message.Text("Hello"));
        assertThat(assembler.accept(text(true, "next"))).isEqualTo(new Message.Text("next"));
    }

    @Test
    void aCharacterSplitAcrossFragmentsIsValid() {
        byte[] emoji = "👩".getBytes(StandardCharsets.UTF_8);
        assertThat(assembler.accept(new Frame(false, Opcode.TEXT, java.util.Arrays.copyOf(emoji, 2)))).isNull();
        Message message = assembler.accept(new Frame(true, Opcode.CONTINUATION,
                java.util.Arrays.copyOfRange(emoji, 2, 4)));
        assertThat(message).isEqualTo(new Message.Text("👩"));
    }

    @Test
    void binaryMessagesKeepTheirBytes() {
        assertThat(assembler.accept(new Frame(false, Opcode.BINARY, new byte[] {1, 2}))).isNull();
        Message message = assembler.accept(new Frame(true, Opcode.CONTINUATION, new byte[] {3}));
        assertThat(((Message.Binary) message).data()).containsExactly(1, 2, 3);
    }

    @Test
    void fragmentsOutOfOrderAreProtocolErrors() {
        assertViolation(() -> assembler.accept(new Frame(true, Opcode.CONTINUATION, bytes("x"))), 1002,
                "no message to continue");
        assembler.accept(text(false, "a"));
        assertViolation(() -> assembler.accept(text(true, "b")), 1002, "before the fragmented message ended");
    }

    @Test
    void aMessageOverTheLimitAcrossFragmentsIsTooBig() {
        assembler.accept(text(false, "x".repeat(40)));
        assertViolation(() -> assembler.accept(new Frame(true, Opcode.CONTINUATION, bytes("y".repeat(25)))), 1009,
                "more than 64 bytes");
    }

    @Test
    void textThatIsNotUtf8FailsWith1007() {
        assertViolation(() -> assembler.accept(new Frame(true, Opcode.TEXT, new byte[] {(byte) 0xC0, (byte) 0x80})),
                1007, "UTF-8");
    }

    @Test
    void closeFramesCarryCodeAndReason() {
        assertThat(assembler.accept(new Frame(true, Opcode.CLOSE, new byte[0])))
                .isEqualTo(new Message.Close(1005, ""));
        assertThat(assembler.accept(close(1000, "bye"))).isEqualTo(new Message.Close(1000, "bye"));
        assertThat(assembler.accept(close(4001, ""))).isEqualTo(new Message.Close(4001, ""));
    }

    @Test
    void badCloseFramesAreProtocolErrors() {
        assertViolation(() -> assembler.accept(new Frame(true, Opcode.CLOSE, new byte[] {3})), 1002, "2-byte code");
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 2000, 5000}) {
            assertViolation(() -> assembler.accept(close(code, "")), 1002, "close code " + code);
        }
        byte[] badReason = {0x03, (byte) 0xE8, (byte) 0xFF};
        assertViolation(() -> assembler.accept(new Frame(true, Opcode.CLOSE, badReason)), 1007, "UTF-8");
    }

    private static Frame text(boolean fin, String text) {
        return new Frame(fin, Opcode.TEXT, bytes(text));
    }

    private static Frame close(int code, String reason) {
        byte[] text = bytes(reason);
        byte[] body = new byte[2 + text.length];
        body[0] = (byte) (code >> 8);
        body[1] = (byte) code;
        System.arraycopy(text, 0, body, 2, text.length);
        return new Frame(true, Opcode.CLOSE, body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code,
                                        String reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ProtocolViolation.class, v -> assertThat(v.closeCode()).isEqualTo(code))
                .hasMessageContaining(reason);
    }
}
