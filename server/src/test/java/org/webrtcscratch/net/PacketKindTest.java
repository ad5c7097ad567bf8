package org.webrtcscratch.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 7983 §7's table, byte by byte. */
class PacketKindTest {

    /** The figure's ranges, inclusive, written out again rather than derived from the code under test. */
    private static PacketKind expected(int firstByte) {
        int[][] ranges = {{0, 3}, {16, 19}, {20, 63}, {64, 79}, {128, 191}};
        PacketKind[] kinds = {PacketKind.STUN, PacketKind.ZRTP, PacketKind.DTLS, PacketKind.TURN_CHANNEL,
            PacketKind.RTP_RTCP};
        for (int i = 0; i < ranges.length; i++) {
            if (firstByte >= ranges[i][0] && firstByte <= ranges[i][1]) {
                return kinds[i];
            }
        }
        return PacketKind.UNKNOWN;
    }

    @Test
    void everyFirstByteGoesWhereTheTableSends() {
        Map<PacketKind, Integer> counts = new EnumMap<>(PacketKind.class);
        for (int value = 0; value < 256; value++) {
            PacketKind kind = PacketKind.of(value);
            assertThat(kind).as("first byte %d", value).isEqualTo(expected(value));
            assertThat(PacketKind.of((byte) value)).as("first byte %d as a signed byte", value).isEqualTo(kind);
            counts.merge(kind, 1, Integer::sum);
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(PacketKind.STUN, 4, PacketKind.ZRTP, 4,
                PacketKind.DTLS, 44, PacketKind.TURN_CHANNEL, 16, PacketKind.RTP_RTCP, 64, PacketKind.UNKNOWN, 124));
    }

    @Test
    void realFirstBytes() {
        assertThat(PacketKind.of(0x00)).as("Binding request").isEqualTo(PacketKind.STUN);
        assertThat(PacketKind.of(0x01)).as("Binding success response").isEqualTo(PacketKind.STUN);
        assertThat(PacketKind.of(0x16)).as("DTLS handshake record").isEqualTo(PacketKind.DTLS);
        assertThat(PacketKind.of(0x17)).as("DTLS application data").isEqualTo(PacketKind.DTLS);
        assertThat(PacketKind.of(0x40)).as("ChannelData on 0x4000").isEqualTo(PacketKind.TURN_CHANNEL);
        assertThat(PacketKind.of(0x80)).as("RTP v2, no padding, no extension").isEqualTo(PacketKind.RTP_RTCP);
        assertThat(PacketKind.of(0x90)).as("RTP v2 with a header extension").isEqualTo(PacketKind.RTP_RTCP);
    }
}
