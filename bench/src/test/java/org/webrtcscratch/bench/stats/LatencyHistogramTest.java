package org.webrtcscratch.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void reportsPercentilesInMicrosecondsWithin3SignificantDigits() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 1000; micros++) {
            histogram.recordNanos(micros * 1_000L);
        }

        LatencyHistogram.Percentiles p = histogram.percentiles();

        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50Micros()).isCloseTo(500, within(0.5));
        assertThat(p.p99Micros()).isCloseTo(990, within(1.0));
        assertThat(p.p999Micros()).isCloseTo(999, within(1.0));
    }

    @Test
    void mergesAndClampsOutOfRangeValues() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.recordNanos(-5);
        b.recordNanos(120_000_000_000L);

        a.add(b);

        assertThat(a.count()).isEqualTo(2);
        assertThat(a.percentileMicros(100)).isCloseTo(60_000_000, within(60_000.0));
        assertThat(new LatencyHistogram().percentileMicros(50)).isNaN();
    }
}
