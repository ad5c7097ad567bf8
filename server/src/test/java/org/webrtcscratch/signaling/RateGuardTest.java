package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.signaling.RateGuard.Verdict;

class RateGuardTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void burstThenRefillAtTheRate() {
        RateGuard guard = new RateGuard(10, 3, Duration.ofSeconds(5), now::get);
        assertThat(guard.check()).isEqualTo(Verdict.ACCEPT);
        assertThat(guard.check()).isEqualTo(Verdict.ACCEPT);
        assertThat(guard.check()).isEqualTo(Verdict.ACCEPT);
        assertThat(guard.check()).isEqualTo(Verdict.DROP);
        assertThat(guard.shouldReport()).isTrue();
        assertThat(guard.check()).isEqualTo(Verdict.DROP);
        assertThat(guard.shouldReport()).as("at most one report a second").isFalse();
        advance(Duration.ofMillis(100));
        assertThat(guard.check()).isEqualTo(Verdict.ACCEPT);
        assertThat(guard.check()).isEqualTo(Verdict.DROP);
    }

    @Test
    void sustainedAbuseCloses() {
        RateGuard guard = new RateGuard(10, 1, Duration.ofSeconds(2), now::get);
        guard.check();
        Verdict verdict = Verdict.ACCEPT;
        for (int i = 0; i < 100 && verdict != Verdict.CLOSE; i++) {
            verdict = guard.check();
            advance(Duration.ofMillis(50)); // 20 a second against a rate of 10
        }
        assertThat(verdict).isEqualTo(Verdict.CLOSE);
    }

    @Test
    void aQuietSecondForgivesEarlierViolations() {
        RateGuard guard = new RateGuard(10, 1, Duration.ofSeconds(2), now::get);
        guard.check();
        assertThat(guard.check()).isEqualTo(Verdict.DROP);
        advance(Duration.ofMillis(1500));
        assertThat(guard.check()).isEqualTo(Verdict.ACCEPT);
        advance(Duration.ofMillis(1));
        assertThat(guard.check()).isEqualTo(Verdict.DROP);
        advance(Duration.ofMillis(1000));
        assertThat(guard.check()).as("the abuse clock restarted after the quiet second").isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void utf8LengthCountsBytesNotChars() {
        assertThat(SignalingService.utf8Length("abc")).isEqualTo(3);
        assertThat(SignalingService.utf8Length("é")).isEqualTo(2);
        assertThat(SignalingService.utf8Length("€")).isEqualTo(3);
        assertThat(SignalingService.utf8Length("👩")).isEqualTo(4);
        assertThat(SignalingService.utf8Length("a€👩é")).isEqualTo("a€👩é".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
