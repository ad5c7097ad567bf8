package org.webrtcscratch.turn.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.Hex;
import org.webrtcscratch.stun.Messages;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunMethod;

class FramingTest {

    @Test
    void kindComesFromTheFirstTwoBits() {
        assertThat(FrameKind.of(0x00)).isEqualTo(FrameKind.STUN);
        assertThat(FrameKind.of(0x3f)).isEqualTo(FrameKind.STUN);
        assertThat(FrameKind.of(0x40)).isEqualTo(FrameKind.CHANNEL_DATA);
        assertThat(FrameKind.of((byte) 0x7f)).isEqualTo(FrameKind.CHANNEL_DATA);
        assertThat(FrameKind.of((byte) 0x80)).isEqualTo(FrameKind.OTHER);
        assertThat(FrameKind.of((byte) 0xff)).isEqualTo(FrameKind.OTHER);
        assertThat(FrameKind.of(0x16)).as("a TLS record passes the two-bit test").isEqualTo(FrameKind.STUN);
    }

    @Test
    void lengthsOfBothFrameKinds() {
        assertThat(Framing.frameLength(ByteBuffer.wrap(Hex.bytes("0101 0030")))).isEqualTo(20 + 0x30);
        assertThat(Framing.frameLength(ByteBuffer.wrap(Hex.bytes("4001 0005")))).isEqualTo(12);
        assertThat(Framing.frameLength(ByteBuffer.wrap(Hex.bytes("4001 0008")))).isEqualTo(12);
        assertThat(Framing.frameLength(ByteBuffer.wrap(Hex.bytes("4001 0000")))).isEqualTo(4);
    }

    @Test
    void needsFourBytesToTell() {
        assertThat(Framing.frameLength(ByteBuffer.wrap(Hex.bytes("0001 00")))).isEqualTo(-1);
        assertThat(Framing.frameLength(ByteBuffer.allocate(0))).isEqualTo(-1);
    }

    @Test
    void refusesAStreamThatIsNeither() {
        assertThatThrownBy(() -> Framing.frameLength(ByteBuffer.wrap(Hex.bytes("c000 0000"))))
                .isInstanceOf(StunDecodeException.class)
                .hasMessageContaining("first byte 0xc0");
        assertThatThrownBy(() -> Framing.frameLength(ByteBuffer.wrap(Hex.bytes("8000 0000"))))
                .isInstanceOf(StunDecodeException.class)
                .hasMessage("framing: first byte 0x80 starts neither a STUN message (0b00)"
                        + " nor a ChannelData message (0b01)");
    }

    /** A stream of mixed frames, cut by frameLength and decoded by the matching decoder. */
    @Test
    void cutsAMixedTcpStream() {
        byte[] stun = StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST), Messages.ID)
                .add(new Software("abc")).toBytes();
        ChannelData channelData = new ChannelData(0x4000, ByteBuffer.wrap(Hex.bytes("0102030405")));
        ByteBuffer stream = ByteBuffer.allocate(100)
                .put(channelData.toBytes(true)).put(stun).put(channelData.toBytes(true)).flip();

        List<Object> frames = new ArrayList<>();
        for (int length = Framing.frameLength(stream); length > 0; length = Framing.frameLength(stream)) {
            ByteBuffer frame = stream.slice(stream.position(), length);
            frames.add(FrameKind.of(frame.get(0)) == FrameKind.STUN
                    ? TurnCodec.DECODER.decode(frame).message()
                    : ChannelData.decode(frame));
            stream.position(stream.position() + length);
        }

        assertThat(frames).hasSize(3);
        assertThat(frames.get(0)).isEqualTo(channelData);
        assertThat(frames.get(2)).isEqualTo(channelData);
        assertThat(frames.get(1)).isEqualTo(TurnCodec.DECODER.decode(stun).message());
    }
}
