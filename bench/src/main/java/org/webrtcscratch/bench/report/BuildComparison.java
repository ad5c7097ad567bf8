package org.webrtcscratch.bench.report;

import java.util.List;
import java.util.stream.Collectors;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;

/**
 * What bench/run.sh compare prints: every metric of a benchmark at every load point, the old build of ours
 * beside the new one, with the new/old ratio of each round (both builds measured in the same round, so the
 * ratio is what a drift of the shared machine disturbs least).
 */
public final class BuildComparison {

    private BuildComparison() { }

    public static String report(BenchEnvironment env, String benchmark, ResultSet results, String old, String current) {
        return "### " + benchmark + ": " + current + " against " + old + " (`bench/run.sh compare`)\n\n"
                + RunInfo.describe(env, old + " = our server built from that commit, " + current + " = this tree"
                        + " (uncommitted changes included)")
                + " Both in turns (old first in odd rounds, new first in even ones), each turn on a fresh server;"
                + " median (min–max) over rounds. new/old above 1 means more of the metric in this tree: better for"
                + " rates, worse for latencies, CPU and loss.\n\n" + table(results, old, current);
    }

    /** One row per metric and load point that both builds measured. */
    static String table(ResultSet results, String old, String current) {
        MarkdownTable table = new MarkdownTable("metric", "load", old, current, "new/old", "new/old per round");
        for (String metric : results.metrics()) {
            for (double load : results.loads(metric)) {
                Spread before = results.spread(old, load, metric);
                Spread after = results.spread(current, load, metric);
                if (before.samples() == 0 || after.samples() == 0) {
                    continue;
                }
                // one pattern for the row, so that old and new read alike
                String pattern = Math.min(Math.abs(before.median()), Math.abs(after.median())) >= 100 ? "%,.0f" : "%,.2f";
                List<Double> perRound = results.pairedRatios(current, old, load, metric);
                table.row(metric, String.format("%,.0f", load), before.format(pattern), after.format(pattern),
                        results.ratio(current, old, load, metric).format("%.3f"),
                        perRound.isEmpty() ? "–"
                                : perRound.stream().map(r -> String.format("%.3f", r)).collect(Collectors.joining(", ")));
            }
        }
        return table.toString();
    }
}
