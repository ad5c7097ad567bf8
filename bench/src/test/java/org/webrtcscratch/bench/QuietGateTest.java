package org.webrtcscratch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuietGateTest {

    @Test
    void countsIdleAndIowaitAsIdle() {
        long[] before = QuietGate.parseCpuLine("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4 5 6 7 8\n");
        long[] after = QuietGate.parseCpuLine("cpu  130 0 70 950 60 0 0 0 0 0\n");

        assertThat(QuietGate.idleFraction(before, after)).isCloseTo(160.0 / 210, within(1e-9));
    }
}
