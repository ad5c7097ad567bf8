package org.webrtcscratch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.report.BenchDoc;
import org.webrtcscratch.bench.report.BuildComparison;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.ResultSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every benchmark takes, and what every benchmark does with them before and after its rounds. */
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

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Run only these contenders (e.g. ours,"
            + " with --our-jvm-option for a profile; or peerjs,ours@REV,ours when comparing); no ratios with one.")
    public List<String> only;

    @Option(names = "--check", description = "Exit with status 3 if a goal is missed in this run (a release gate for"
            + " a quiet machine; see docs/benchmarks.md).")
    public boolean check;

    /** Every benchmark starts our server, so its options come with these. */
    @Mixin
    public OurServerOptions ours = new OurServerOptions();

    /** The benchmark's exit status: 3 when {@code --check} is given and a goal was missed, else 0. */
    public int exitStatus(Goals goals) {
        if (!check || goals.allMet()) {
            return 0;
        }
        goals.all().stream().filter(goal -> !goal.met()).forEach(goal -> System.err.printf(
                "goal missed: %s (median %.2f, bound %.2f)%n", goal.name(), goal.measured().median(), goal.bound()));
        return 3;
    }

    /**
     * The contenders to run, in their order: those named by {@code --only}; else, when comparing two builds of
     * ours, only those (an anchor's turns would halve the rounds the comparison gets in its budget); else all.
     */
    public List<Contender> select(List<Contender> contenders) {
        if (only == null) {
            return ours.comparing()
                    ? contenders.stream().filter(c -> OurServerOptions.isOurs(c.name())).toList()
                    : contenders;
        }
        List<String> names = contenders.stream().map(Contender::name).toList();
        for (String name : only) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("--only " + name + ": not one of " + names);
            }
        }
        return contenders.stream().filter(c -> only.contains(c.name())).toList();
    }

    /** Runs the contenders {@link #select} keeps in turns, {@code --rounds} at most; returns the rounds completed. */
    public int alternate(List<Contender> contenders, Deadline deadline, AlternatingRounds.Turn turn) throws Exception {
        return AlternatingRounds.run(select(contenders), rounds, deadline, turn);
    }

    /**
     * Prints the report and the goals and, unless {@code --no-doc}, writes the chart and the report into section
     * {@code section} of docs/benchmarks.md. When two builds of ours were compared, it prints their paired
     * ratios instead (and the report too if an anchor ran) and writes nothing: the document records ours
     * against the anchors. Returns the exit status.
     */
    public int finish(BenchEnvironment env, String section, ResultSet results, Supplier<String> report,
                      Supplier<Goals> goals, Runnable chart) {
        if (ours.comparing()) {
            if (results.servers().stream().anyMatch(server -> !OurServerOptions.isOurs(server))) {
                System.out.println(report.get() + "\n" + goals.get().table());
            }
            System.out.println(BuildComparison.report(env, section, results, ours.baselineName(), OurServerOptions.OURS));
            return 0;
        }
        Goals met = goals.get();
        String text = report.get() + "\n" + met.table();
        System.out.println(text);
        if (!noDoc) {
            chart.run();
            BenchDoc.writeSection(env.docs(), section, text);
        }
        return exitStatus(met);
    }

    public BenchEnvironment environment() {
        return BenchEnvironment.of(repo);
    }

    public Deadline deadline() {
        return Deadline.after(Duration.ofMillis((long) (maxMinutes * 60_000)));
    }
}
