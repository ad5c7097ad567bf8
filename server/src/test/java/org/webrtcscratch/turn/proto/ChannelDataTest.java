package org.webrtcscratch.turn.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.Hex;
import org.webrtcscratch.stun.header.StunDecodeException;

class ChannelDataTest {

    private static final ByteBuffer PAYLOAD = ByteBuffer.wrap(Hex.bytes("0102030405"));

    @Test
    void encodesForUdpWithoutPaddingAndForTcpWithIt() {
        ChannelData message = new ChannelData(0x4001, PAYLOAD);

        assertThat(message.toBytes(false)).isEqualTo(Hex.bytes("4001 0005 0102030405"));
        assertThat(message.toBytes(true)).isEqualTo(Hex.bytes("4001 0005 0102030405 000000"));
        assertThat(message.encodedLength(true)).isEqualTo(12);
        assertThat(message.data().position()).isZero();
    }

    @Test
    void decodesAViewOfTheBufferWithoutCopying() {
        byte[] datagram = Hex.bytes("4fff 0003 aabbcc 00");

        ChannelData message = ChannelData.decode(ByteBuffer.wrap(datagram));
        datagram[4] = 0x11;

        assertThat(message.channelNumber()).isEqualTo(0x4fff);
        assertThat(message.data()).isEqualTo(ByteBuffer.wrap(Hex.bytes("11bbcc")));
        assertThat(message.data().isReadOnly()).isTrue();
    }

    @Test
    void decodesAtThePositionAndLeavesIt() {
        ByteBuffer buffer = ByteBuffer.wrap(Hex.bytes("ffff 4000 0001 aa"));
        buffer.position(2);

        ChannelData message = ChannelData.decode(buffer);

        assertThat(message).isEqualTo(new ChannelData(0x4000, ByteBuffer.wrap(Hex.bytes("aa"))));
        assertThat(buffer.position()).isEqualTo(2);
    }

    @Test
    void checksAHeaderAtThePositionWithoutBuildingAMessage() {
        ByteBuffer buffer = ByteBuffer.wrap(Hex.bytes("ffff 4abc 0002 aabb 00"));
        buffer.position(2);

        assertThat(ChannelData.checkedDataLength(buffer)).isEqualTo(2);
        assertThat(ChannelData.channelNumberAt(buffer)).isEqualTo(0x4abc);
        assertThat(buffer.position()).isEqualTo(2);
    }

    @Test
    void checkingRefusesWhatDecodingRefuses() {
        for (String bad : new String[] {"40", "3fff 0000", "4000 0003 aabb"}) {
            ByteBuffer buffer = ByteBuffer.wrap(Hex.bytes(bad));
            assertThatThrownBy(() -> ChannelData.checkedDataLength(buffer)).as(bad)
                    .isInstanceOf(StunDecodeException.class);
            assertThatThrownBy(() -> ChannelData.decode(buffer)).as(bad).isInstanceOf(StunDecodeException.class);
        }
    }

    @Test
    void roundTripsOverBothTransports() {
        ChannelData message = new ChannelData(0x4abc, ByteBuffer.wrap(new byte[1001]));

        assertThat(ChannelData.decode(ByteBuffer.wrap(message.toBytes(false)))).isEqualTo(message);
        assertThat(ChannelData.decode(ByteBuffer.wrap(message.toBytes(true)))).isEqualTo(message);
    }

    @Test
    void framesAPayloadInPlace() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.position(ChannelData.HEADER_SIZE);
        buffer.put(Hex.bytes("cafe")).flip();

        ChannelData.writeHeader(buffer, 0, 0x4002, 2);

        assertThat(buffer.position()).isZero();
        assertThat(ChannelData.decode(buffer)).isEqualTo(new ChannelData(0x4002, ByteBuffer.wrap(Hex.bytes("cafe"))));
    }

    @Test
    void refusesMalformedMessages() {
        assertThat(error("4000 00").why()).isEqualTo("3 bytes, shorter than the 4-byte header");
        assertThat(error("8000 0000").where()).isEqualTo("ChannelData/channel number");
        assertThat(error("8000 0000").why()).isEqualTo("0x8000 is outside 0x4000-0x7FFF");
        assertThat(error("3fff 0000").why()).isEqualTo("0x3fff is outside 0x4000-0x7FFF");
        assertThat(error("4000 0004 aabbcc").why()).isEqualTo("Length says 4 bytes of data, 3 follow the header");
        assertThatThrownBy(() -> new ChannelData(0x3fff, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
    }

    private static StunDecodeException error(String hex) {
        return catchThrowableOfType(StunDecodeException.class,
                () -> ChannelData.decode(ByteBuffer.wrap(Hex.bytes(hex))));
    }
}
