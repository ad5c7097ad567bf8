package org.webrtcscratch.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void logsTheFirstThenCountsUntilTheIntervalHasPassed() {
        LogThrottle throttle = new LogThrottle(Duration.ofSeconds(1));
        long start = -5 * SECOND; // monotonic time may be negative
        assertThat(throttle.admit(start)).isZero();
        for (int i = 1; i <= 1000; i++) {
            assertThat(throttle.admit(start + i * 100_000L)).isEqualTo(LogThrottle.SKIP);
        }
        assertThat(throttle.admit(start + SECOND)).isEqualTo(1000);
        assertThat(throttle.admit(start + SECOND + 1)).isEqualTo(LogThrottle.SKIP);
        assertThat(throttle.admit(start + 3 * SECOND)).isEqualTo(1);
    }
}
