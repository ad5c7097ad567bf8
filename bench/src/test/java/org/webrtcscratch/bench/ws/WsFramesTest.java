package org.webrtcscratch.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WsFramesTest {

    /** A server frame as RFC 6455 §5.2 lays it out: FIN + opcode, unmasked length (7, 7+16 or 7+64 bits), payload. */
    private static ByteBuffer serverFrame(int opcode, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(payload.length + 10);
        out.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            out.put((byte) payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.put((byte) 126).putShort((short) payload.length);
        } else {
            out.put((byte) 127).putLong(payload.length);
        }
        return out.put(payload).flip();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 65535, 65536, 200_000})
    void readsServerFramesOfEveryLengthEncoding(int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) i;
        }
        ByteBuffer in = serverFrame(WsFrames.OP_TEXT, payload);

        WsFrames.Frame frame = WsFrames.read(in);

        assertThat(frame.opcode()).isEqualTo(WsFrames.OP_TEXT);
        assertThat(frame.payload()).isEqualTo(payload);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void waitsForTheRestOfAPartialFrame() {
        ByteBuffer whole = serverFrame(WsFrames.OP_TEXT, new byte[300]);
        for (int cut = 0; cut < whole.limit(); cut += 7) {
            ByteBuffer partial = whole.duplicate().limit(cut);
            assertThat(WsFrames.read(partial)).as("first %d bytes", cut).isNull();
            assertThat(partial.position()).isZero();
        }
    }

    @Test
    void readsTwoFramesFromOneBuffer() {
        ByteBuffer both = ByteBuffer.allocate(64);
        both.put(serverFrame(WsFrames.OP_PING, "a".getBytes(StandardCharsets.US_ASCII)));
        both.put(serverFrame(WsFrames.OP_TEXT, "{}".getBytes(StandardCharsets.US_ASCII)));
        both.flip();

        assertThat(WsFrames.read(both).opcode()).isEqualTo(WsFrames.OP_PING);
        assertThat(new String(WsFrames.read(both).payload(), StandardCharsets.US_ASCII)).isEqualTo("{}");
        assertThat(WsFrames.read(both)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 125, 126, 70_000})
    void masksClientFramesWithTheKeyInFrontOfThePayload(int length) {
        byte[] payload = new byte[length];
        java.util.Arrays.fill(payload, (byte) 'x');
        int key = 0x37FA213D;
        ByteBuffer out = ByteBuffer.allocate(WsFrames.maskedFrameSize(length));

        WsFrames.writeMasked(out, WsFrames.OP_TEXT, payload, key);

        assertThat(out.hasRemaining()).as("maskedFrameSize is exact").isFalse();
        out.flip();
        assertThat(out.get() & 0xFF).isEqualTo(0x81);
        int second = out.get() & 0xFF;
        assertThat(second & 0x80).as("MASK bit").isEqualTo(0x80);
        long declared = second & 0x7F;
        if (declared == 126) {
            declared = out.getShort() & 0xFFFF;
        } else if (declared == 127) {
            declared = out.getLong();
        }
        assertThat(declared).isEqualTo(length);
        byte[] mask = new byte[4];
        out.get(mask);
        assertThat(ByteBuffer.wrap(mask).getInt()).isEqualTo(key);
        for (int i = 0; i < length; i++) {
            assertThat((byte) (out.get() ^ mask[i % 4])).isEqualTo((byte) 'x');
        }
    }

    @Test
    void refusesMaskedAndFragmentedServerFrames() {
        ByteBuffer masked = ByteBuffer.wrap(new byte[] {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 5});
        ByteBuffer fragment = ByteBuffer.wrap(new byte[] {0x01, 0x01, 'a'});

        assertThatThrownBy(() -> WsFrames.read(masked)).hasMessageContaining("masked");
        assertThatThrownBy(() -> WsFrames.read(fragment)).hasMessageContaining("fragmented");
    }
}
