package org.webrtcscratch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {

    @Test
    void boundsApplyToTheMedianInTheirDirection() {
        Goals goals = new Goals()
                .atLeast("fast enough", Spread.of(List.of(1.9, 2.1, 2.4)), 2.0)
                .atMost("small enough", Spread.of(List.of(0.8, 1.2, 1.3)), 1.0);
        assertThat(goals.all()).extracting(Goals.Goal::met).containsExactly(true, false);
        assertThat(goals.allMet()).isFalse();
        assertThat(goals.table()).contains("| fast enough | ≥ 2.00 | 2.10 (1.90–2.40) | yes |",
                "| small enough | ≤ 1.00 | 1.20 (0.80–1.30) | **no** |");
    }

    @Test
    void aGoalWithoutMeasurementsIsMissed() {
        Goals goals = new Goals().atMost("no loss", Spread.of(List.of()), 0);
        assertThat(goals.allMet()).isFalse();
    }

    @Test
    void noGoalsMeansNothingMissed() {
        assertThat(new Goals().allMet()).isTrue();
    }
}
