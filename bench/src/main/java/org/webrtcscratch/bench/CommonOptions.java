package org.webrtcscratch.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.webrtcscratch.bench.process.BenchEnvironment;
import picocli.CommandLine.Option;

/** Options every benchmark takes. */
public final class CommonOptions {

    @Option(names = "--rounds", defaultValue = "3", description = "A/B rounds at most (default: ${DEFAULT-VALUE}).")
    public int rounds;

    @Option(names = "--max-minutes", defaultValue = "15",
            description = "Time budget for the whole benchmark; rounds stop when it is spent (default: ${DEFAULT-VALUE}).")
    public double maxMinutes;

    @Option(names = "--repo", defaultValue = ".", description = "The repository root (default: the current folder).")
    public Path repo;

    @Option(names = "--no-doc", description = "Print the results only; do not rewrite docs/benchmarks.md.")
    public boolean noDoc;

    @Option(names = "--only", description = "Run only this contender (e.g. ours, with --our-jvm-option for a profile);"
            + " no ratios then.")
    public String only;

    @Option(names = "--check", description = "Exit with status 3 if a goal is missed in this run (a release gate for"
            + " a quiet machine; see docs/benchmarks.md).")
    public boolean check;

    /** The benchmark's exit status: 3 when {@code --check} is given and a goal was missed, else 0. */
    public int exitStatus(org.webrtcscratch.bench.report.Goals goals) {
        if (!check || goals.allMet()) {
            return 0;
        }
        goals.all().stream().filter(goal -> !goal.met()).forEach(goal -> System.err.printf(
                "goal missed: %s (median %.2f, bound %.2f)%n", goal.name(), goal.measured().median(), goal.bound()));
        return 3;
    }

    /** The contenders to run: all, or the one named by {@code --only}. */
    public java.util.List<AlternatingRounds.Contender> select(java.util.List<AlternatingRounds.Contender> contenders) {
        if (only == null) {
            return contenders;
        }
        var chosen = contenders.stream().filter(c -> c.name().equals(only)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--only " + only + ": not one of "
                    + contenders.stream().map(AlternatingRounds.Contender::name).toList());
        }
        return chosen;
    }

    public BenchEnvironment environment() {
        return BenchEnvironment.of(repo);
    }

    public Deadline deadline() {
        return Deadline.after(Duration.ofMillis((long) (maxMinutes * 60_000)));
    }
}
