package org.webrtcscratch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildComparisonTest {

    @Test
    void pairsNewWithOldRoundByRoundForEveryMetricBothMeasured() {
        ResultSet results = new ResultSet();
        results.add("ours@old", 1, 16, "perSecond", 100_000);
        results.add("ours", 1, 16, "perSecond", 110_000);
        results.add("ours@old", 2, 16, "perSecond", 80_000);
        results.add("ours", 2, 16, "perSecond", 76_000);
        results.add("ours@old", 1, 16, "p99", 50);
        results.add("ours", 1, 16, "p99", 40);
        results.add("ours@old", 1, 16, "lost", 0);
        results.add("ours", 1, 16, "lost", 0);
        results.add("coturn", 1, 16, "rtt", 3);

        assertThat(results.pairedRatios("ours", "ours@old", 16, "perSecond")).containsExactly(1.1, 0.95);
        assertThat(results.metrics()).containsExactly("perSecond", "p99", "lost", "rtt");

        String table = BuildComparison.table(results, "ours@old", "ours");
        assertThat(table.lines().toList()).containsExactly(
                "| metric | load | ours@old | ours | new/old | new/old per round |",
                "| --- | --- | --- | --- | --- | --- |",
                "| perSecond | 16 | 90,000 (80,000–100,000) | 93,000 (76,000–110,000) | 1.025 (0.950–1.100) | 1.100, 0.950 |",
                "| p99 | 16 | 50.00 | 40.00 | 0.800 | 0.800 |",
                "| lost | 16 | 0.00 | 0.00 | – | – |");
    }
}
