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
