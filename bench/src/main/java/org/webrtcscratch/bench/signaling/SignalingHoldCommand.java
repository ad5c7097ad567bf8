package org.webrtcscratch.bench.signaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.LineChart;
import org.webrtcscratch.bench.report.MarkdownTable;
import org.webrtcscratch.bench.report.ResultSet;
import org.webrtcscratch.bench.stats.ProcessStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Holds N idle signaling connections on each server, growing in steps: how fast they open, how much
 * resident memory each costs the server, and how much CPU the server spends on them while idle (the
 * keep-alives of the real browser clients still flow).
 */
@Command(name = "signaling-hold", mixinStandardHelpOptions = true,
        description = "Idle connections held: open rate, server RSS per connection, idle CPU (ours vs PeerJS server).")
public final class SignalingHoldCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--steps", split = ",", defaultValue = "1000,10000,25000,50000,100000",
            description = "Connection counts to measure at (default: ${DEFAULT-VALUE}).")
    List<Integer> steps;

    @Option(names = "--max-pending", defaultValue = "200", description = "Handshakes under way at once (default: ${DEFAULT-VALUE}).")
    int maxPending;

    @Option(names = "--idle-seconds", defaultValue = "10", description = "CPU is measured over this long (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--server-minutes", defaultValue = "4",
            description = "Time one server may take to reach the largest step (default: ${DEFAULT-VALUE}).")
    double serverMinutes;

    @Option(names = "--room-capacity", defaultValue = "8", description = "Our clients join rooms of this size (default: ${DEFAULT-VALUE}).")
    int roomCapacity;

    /** Descriptors left for the JVM, node and their jars, logs and sockets besides the held connections. */
    private static final int FILES_KEPT_FOR_THE_JVMS = 1_000;

    private final ResultSet results = new ResultSet();
    private long cappedBy;

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        capStepsToTheOpenFileLimit();
        int max = steps.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int rounds = common.alternate(SignalingContenders.of(env, max + 1000, roomCapacity, common.ours), deadline,
                (contender, server, round) -> holdOn(contender.name(), server, round, max, deadline));
        return common.finish(env, "signaling-hold", results, () -> report(env, rounds), this::goals, () -> chart(env));
    }

    /**
     * Every connection costs a descriptor in the server and one in this generator, and both inherit this
     * process's RLIMIT_NOFILE: steps above it (less room for the JVMs' own files) cannot be reached, so they
     * are replaced by the largest reachable one, and the report says why.
     */
    private void capStepsToTheOpenFileLimit() {
        long limit = ProcessStats.maxOpenFiles();
        int reachable = (int) Math.min(Integer.MAX_VALUE, limit - FILES_KEPT_FOR_THE_JVMS);
        if (steps.stream().anyMatch(step -> step > reachable)) {
            cappedBy = limit;
            List<Integer> capped = new ArrayList<>(steps.stream().filter(step -> step < reachable).toList());
            capped.add(reachable);
            System.out.printf("open-file limit is %,d here (ulimit -n; raising it needs root with CAP_SYS_RESOURCE):"
                    + " measuring up to %,d connections instead of %s%n", limit, reachable, steps);
            steps = capped;
        }
    }

    private void holdOn(String name, ServerProcess server, int round, int max, Deadline deadline) {
        ProtocolAdapter adapter = SignalingContenders.adapter(name);
        List<SignalingClient> clients = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            clients.add(new SignalingClient(i, "h" + i, "h" + (i / roomCapacity)));
        }
        long serverDeadline = deadline.nanosOrSooner(Duration.ofMillis((long) (serverMinutes * 60_000)));
        try (SignalingFleet fleet = new SignalingFleet(adapter, SignalingContenders.address(server), clients, System.nanoTime())) {
            fleet.run(Duration.ofSeconds(2).toNanos(), () -> { }, 10);
            long baseline = ProcessStats.rssBytes(server.pid());
            int opened = 0;
            for (int step : steps.stream().sorted().toList()) {
                long start = System.nanoTime();
                int registered = fleet.open(opened, step, maxPending, serverDeadline);
                double seconds = (System.nanoTime() - start) / 1e9;
                fleet.run(Duration.ofSeconds(3).toNanos(), () -> { }, 10);
                long rss = ProcessStats.rssBytes(server.pid());
                ProcessStats.CpuMeter serverCpu = ProcessStats.CpuMeter.start(server.pid());
                ProcessStats.CpuMeter ownCpu = ProcessStats.CpuMeter.start(ProcessHandle.current().pid());
                fleet.run(Duration.ofSeconds(idleSeconds).toNanos(), () -> { }, 10);
                double idleCores = serverCpu.coresSinceStart();
                double generatorCores = ownCpu.coresSinceStart();
                int held = fleet.registered;
                results.add(name, round, step, "held", held);
                results.add(name, round, step, "openPerSecond", (registered - opened) / seconds);
                results.add(name, round, step, "rssMiB", rss / 1048576.0);
                results.add(name, round, step, "rssPerConnectionKiB", held == 0 ? Double.NaN : (rss - baseline) / 1024.0 / held);
                results.add(name, round, step, "idleCpuPercent", idleCores * 100);
                results.add(name, round, step, "generatorCpuPercent", generatorCores * 100);
                results.add(name, round, step, "generatorRssMiB", ProcessStats.rssBytes(ProcessHandle.current().pid()) / 1048576.0);
                System.out.printf("  %s %,d/%,d held (%,.0f opened/s), RSS %.0f MiB (%.2f KiB/conn over %.0f MiB"
                                + " baseline), idle CPU %.1f%%, generator CPU %.1f%%%s%n",
                        name, held, step, (registered - opened) / seconds, rss / 1048576.0,
                        (rss - baseline) / 1024.0 / Math.max(1, held), baseline / 1048576.0, idleCores * 100,
                        generatorCores * 100, fleet.lastProblem.isEmpty() ? "" : "; last problem: " + fleet.lastProblem);
                opened = step;
                if (held < step) {
                    System.out.printf("  %s holds %,d of %,d: not going further%n", name, held, step);
                    break;
                }
            }
        }
    }

    private String report(BenchEnvironment env, int rounds) {
        String a = SignalingContenders.ANCHOR;
        String b = SignalingContenders.OURS;
        MarkdownTable table = new MarkdownTable("target connections", "held A / B", "opened/s A", "opened/s B",
                "RSS/conn KiB A", "RSS/conn KiB B", "B/A RSS/conn", "idle CPU % A", "idle CPU % B", "generator CPU % (A, B)");
        for (double step : results.loads("held")) {
            table.row(String.format("%,.0f", step),
                    results.spread(a, step, "held").format("%,.0f") + " / " + results.spread(b, step, "held").format("%,.0f"),
                    results.spread(a, step, "openPerSecond").format("%,.0f"),
                    results.spread(b, step, "openPerSecond").format("%,.0f"),
                    results.spread(a, step, "rssPerConnectionKiB").format("%.2f"),
                    results.spread(b, step, "rssPerConnectionKiB").format("%.2f"),
                    results.ratio(b, a, step, "rssPerConnectionKiB").format("%.2f"),
                    results.spread(a, step, "idleCpuPercent").format("%.1f"),
                    results.spread(b, step, "idleCpuPercent").format("%.1f"),
                    results.spread(a, step, "generatorCpuPercent").format("%.0f") + ", "
                            + results.spread(b, step, "generatorCpuPercent").format("%.0f"));
        }
        return "### Idle connections held (`bench/run.sh signaling-hold`)\n\n"
                + RunInfo.describe(env, "A = PeerJS server " + RunInfo.peerJsVersion(env) + ", B = ours") + " "
                + rounds + " A/B round(s); median (min–max) over rounds. Our clients join rooms of " + roomCapacity
                + "; both kinds of client send their browser client's keep-alive (ours `ping` every 10 s, PeerJS"
                + " `HEARTBEAT` every 5 s), and our server pings a connection only after 15 s without a frame from it. RSS per connection = (RSS at N − RSS"
                + " before the first connection) / N, as the kernel reports it, garbage included. CPU in % of one core. "
                + (cappedBy == 0 ? "" : "**Capped:** the open-file limit (RLIMIT_NOFILE) on this machine is " + String.format("%,d", cappedBy)
                        + " and could not be raised (`ulimit -Hn` needs CAP_SYS_RESOURCE), so no process here can hold"
                        + " more than that many sockets; the largest step is what fits under it. ")
                + "\n\n" + table + "\n![RSS per idle connection](img/signaling-hold.png)\n";
    }

    private void chart(BenchEnvironment env) {
        new LineChart("Server RSS per idle connection", "connections held", "KiB per connection")
                .series("PeerJS server", results.medians(SignalingContenders.ANCHOR, "rssPerConnectionKiB"))
                .series("ours", results.medians(SignalingContenders.OURS, "rssPerConnectionKiB"))
                .write(env.imageDir().resolve("signaling-hold.png"));
    }

    private Goals goals() {
        double step = results.loads("held").isEmpty() ? 0 : results.loads("held").last();
        return new Goals()
                .atMost(String.format("RSS per idle connection no worse than PeerJS (ours/PeerJS at %,.0f)", step),
                        results.ratio(SignalingContenders.OURS, SignalingContenders.ANCHOR, step, "rssPerConnectionKiB"), 1.0)
                .atLeast("idle connections held by one server (ours)",
                        results.spread(SignalingContenders.OURS, step, "held"), 100_000);
    }

}
