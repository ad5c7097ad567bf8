package org.webrtcscratch.turn.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.turn.SettableClock;

class UnauthorizedLimiterTest {

    private final SettableClock clock = SettableClock.atEpochSecond(1_700_000_000);
    private final UnauthorizedLimiter limiter = new UnauthorizedLimiter(3, Duration.ofSeconds(10), 100, clock);

    @Test
    void answersAtMostTheLimitPerSourceAndWindow() {
        InetAddress victim = ip("198.51.100.7");

        assertThat(limiter.tryAcquire(victim)).isTrue();
        assertThat(limiter.tryAcquire(victim)).isTrue();
        assertThat(limiter.tryAcquire(victim)).isTrue();
        assertThat(limiter.tryAcquire(victim)).isFalse();
        assertThat(limiter.tryAcquire(ip("198.51.100.8"))).isTrue();

        clock.advanceSeconds(9);
        assertThat(limiter.tryAcquire(victim)).isFalse();
        clock.advanceSeconds(1);
        assertThat(limiter.tryAcquire(victim)).isTrue();
    }

    @Test
    void anIpv6SlashSixtyFourIsOneSource() {
        for (int i = 1; i <= 3; i++) {
            assertThat(limiter.tryAcquire(ip("2001:db8:1:2::" + i))).isTrue();
        }

        assertThat(limiter.tryAcquire(ip("2001:db8:1:2:ffff::9"))).isFalse();
        assertThat(limiter.tryAcquire(ip("2001:db8:1:3::1"))).isTrue();
    }

    @Test
    void remembersABoundedNumberOfSources() {
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire(ip("10.0." + (i / 256) + "." + (i % 256)));
        }

        assertThat(limiter.trackedSources()).isEqualTo(100);
    }

    @Test
    void aBusySourceStaysRememberedWhileQuietOnesAreEvicted() {
        InetAddress victim = ip("198.51.100.7");
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(victim);
        }
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire(ip("10.1." + (i / 256) + "." + (i % 256)));
            limiter.tryAcquire(victim);
        }

        assertThat(limiter.tryAcquire(victim)).isFalse();
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
