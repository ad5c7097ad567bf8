package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The uclient parser on output captured from coturn 4.6.1's turnutils_uclient against coturn. */
class UclientSummaryTest {

    @Test
    void readsTheTotalsNotTheProgressLines() {
        // Two clients (RTP and RTCP) of 10 messages of 120 bytes; progress lines say tot_send_msgs=0.
        UclientSummary summary = UclientSummary.parse(Samples.read("uclient-udp-channels.txt"));

        assertThat(summary).isEqualTo(new UclientSummary(20, 20, 2400, 2400, 0, 0, List.of()));
    }

    @Test
    void readsTheTotalsOfATcpRunWithSendIndications() {
        UclientSummary summary = UclientSummary.parse(Samples.read("uclient-tcp-send-rest.txt"));

        assertThat(summary.sentMessages()).isEqualTo(10);
        assertThat(summary.receivedMessages()).isEqualTo(10);
        assertThat(summary.receivedBytes()).isEqualTo(1200);
        assertThat(summary.errors()).isEmpty();
    }

    @Test
    void readsTotalLossAndTheErrorBeforeIt() {
        // The peer was gone: every echo is missing.
        UclientSummary summary = UclientSummary.parse(Samples.read("uclient-total-loss.txt"));

        assertThat(summary.sentMessages()).isEqualTo(10);
        assertThat(summary.receivedMessages()).isZero();
        assertThat(summary.lostPackets()).isEqualTo(10);
        assertThat(summary.sendDropped()).isZero();
        assertThat(summary.errors()).containsExactly("recv: Connection refused");
    }

    @Test
    void aRunThatCouldNotAllocateHasNoSummaryButErrors() {
        String output = Samples.read("uclient-wrong-password.txt");

        assertThatThrownBy(() -> UclientSummary.parse(output))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no message totals");
        assertThat(UclientSummary.errorLines(output))
                .containsExactly("0: : ERROR: Cannot complete Allocation", "0: : ERROR: Cannot complete Allocation");
    }
}
