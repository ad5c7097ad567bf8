package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BandwidthLimiterTest {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    @Test
    void aFullBucketHoldsOneSecondOfBytes() {
        BandwidthLimiter limiter = new BandwidthLimiter(200_000);

        assertThat(limiter.tryConsume(60_000, T0)).isTrue();
        assertThat(limiter.tryConsume(60_000, T0)).isTrue();
        assertThat(limiter.tryConsume(60_000, T0)).isTrue();
        assertThat(limiter.tryConsume(20_000, T0)).isTrue();
        assertThat(limiter.tryConsume(1, T0)).isFalse();
    }

    @Test
    void itRefillsAtTheRate() {
        BandwidthLimiter limiter = new BandwidthLimiter(100_000);
        for (int i = 0; i < 10; i++) {
            limiter.tryConsume(10_000, T0);
        }

        assertThat(limiter.tryConsume(5_000, T0.plus(Duration.ofMillis(49)))).isFalse();
        assertThat(limiter.tryConsume(5_000, T0.plus(Duration.ofMillis(50)))).isTrue();
        assertThat(limiter.tryConsume(5_000, T0.plus(Duration.ofMillis(50)))).isFalse();
    }

    @Test
    void idleTimeDoesNotSaveUpMoreThanTheBurst() {
        BandwidthLimiter limiter = new BandwidthLimiter(100_000);
        Instant later = T0.plus(Duration.ofHours(1));

        assertThat(limiter.tryConsume(50_000, later)).isTrue();
        assertThat(limiter.tryConsume(50_000, later)).isTrue();
        assertThat(limiter.tryConsume(1, later)).isFalse();
    }

    @Test
    void aLowCapStillLetsOneLargestDatagramThrough() {
        BandwidthLimiter limiter = new BandwidthLimiter(1_000);

        assertThat(limiter.tryConsume(65_535, T0)).isTrue();
        assertThat(limiter.tryConsume(1, T0)).isFalse();
        assertThat(limiter.tryConsume(1_000, T0.plusSeconds(1))).isTrue();
        assertThat(limiter.tryConsume(1, T0.plusSeconds(1))).isFalse();
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new BandwidthLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
