package org.webrtcscratch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(10));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(20));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(40));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(50));
        backoff.succeeded();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void refusesAMaximumBelowTheStart() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
