package org.webrtcscratch.bench.stun;

import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.MeasureTimes;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.Windows;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.MarkdownTable;
import org.webrtcscratch.bench.report.ResultSet;
import org.webrtcscratch.bench.stats.ProcessStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** STUN Binding requests answered per second with a bounded window, against coturn, ours and a UDP echo. */
@Command(name = "stun-binding", mixinStandardHelpOptions = true,
        description = "STUN Binding answers per second and round-trip time, windowed (coturn vs ours vs UDP echo floor).")
public final class StunBindingCommand implements Callable<Integer> {

    /** The smallest window whose rate measures throughput (see {@link #goals()}). */
    private static final int MIN_THROUGHPUT_WINDOW = 16;

    @Mixin
    CommonOptions common;

    @Mixin
    Windows windows = new Windows(1, 16, 64, 256);

    @Option(names = "--sockets", defaultValue = "8",
            description = "Client sockets the window is spread over (at most one per outstanding request; default: ${DEFAULT-VALUE}).")
    int sockets;

    @Mixin
    MeasureTimes times = new MeasureTimes(1, 4);

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        int rounds = common.alternate(UdpContenders.of(env, common.ours), deadline,
                (contender, server, round) -> {
                    for (int window : windows.sizes) {
                        if (!deadline.passed()) {
                            measure(contender.name(), server, round, window);
                        }
                    }
                });
        return common.finish(env, "stun-binding", results, () -> report(env, rounds), this::goals, () ->
                UdpContenders.chart(results, "STUN Binding answers per second against window", "requests outstanding",
                        "answers per second").write(env.imageDir().resolve("stun-binding.png")));
    }

    private void measure(String name, ServerProcess server, int round, int window) throws Exception {
        int sessions = Math.min(sockets, window);
        List<DatagramChannel> channels = UdpContenders.sockets(sessions, server.port());
        try {
            UdpProbeClient client = new UdpProbeClient(channels, new Probe.Binding(), window / sessions, Duration.ofSeconds(1));
            ProcessStats.CpuMeter serverCpu = ProcessStats.CpuMeter.start(server.pid());
            ProcessStats.CpuMeter ownCpu = ProcessStats.CpuMeter.start(ProcessHandle.current().pid());
            UdpProbeClient.Result result = client.run(Duration.ofSeconds(times.warmupSeconds), Duration.ofSeconds(times.seconds));
            record(results, name, round, window, result, serverCpu.coresSinceStart(), ownCpu.coresSinceStart());
        } finally {
            UdpContenders.close(channels);
        }
    }

    static void record(ResultSet results, String name, int round, double load, UdpProbeClient.Result result,
                       double serverCores, double ownCores) {
        var p = result.latency().percentiles();
        results.add(name, round, load, "perSecond", result.perSecond());
        results.add(name, round, load, "p50", p.p50Micros());
        results.add(name, round, load, "p99", p.p99Micros());
        results.add(name, round, load, "lost", result.lost());
        results.add(name, round, load, "serverCpuPercent", serverCores * 100);
        results.add(name, round, load, "generatorCpuPercent", ownCores * 100);
        System.out.printf("  %s at %.0f: %,.0f/s, p50 %.1f µs, p99 %.1f µs, lost %d, server CPU %.0f%%, generator CPU %.0f%%%n",
                name, load, result.perSecond(), p.p50Micros(), p.p99Micros(), result.lost(), serverCores * 100, ownCores * 100);
    }

    /** The table both UDP benchmarks print: per load, each contender's rate and latency, and the ratios. */
    static MarkdownTable table(ResultSet results, String loadName) {
        String a = UdpContenders.ANCHOR;
        String b = UdpContenders.OURS;
        String f = UdpContenders.FLOOR;
        MarkdownTable table = new MarkdownTable(loadName, "per s: coturn", "ours", "echo floor", "ours/coturn",
                "ours/floor", "p50 µs coturn / ours / floor", "p99 µs coturn / ours / floor", "lost", "server CPU % coturn / ours / floor",
                "generator CPU % (coturn run)");
        for (double load : results.loads("perSecond")) {
            table.row(String.format("%.0f", load),
                    results.spread(a, load, "perSecond").format("%,.0f"),
                    results.spread(b, load, "perSecond").format("%,.0f"),
                    results.spread(f, load, "perSecond").format("%,.0f"),
                    results.ratio(b, a, load, "perSecond").format("%.2f"),
                    results.ratio(b, f, load, "perSecond").format("%.2f"),
                    results.spread(a, load, "p50").format("%.0f") + " / " + results.spread(b, load, "p50").format("%.0f")
                            + " / " + results.spread(f, load, "p50").format("%.0f"),
                    results.spread(a, load, "p99").format("%.0f") + " / " + results.spread(b, load, "p99").format("%.0f")
                            + " / " + results.spread(f, load, "p99").format("%.0f"),
                    results.spread(a, load, "lost").format("%.0f") + " / " + results.spread(b, load, "lost").format("%.0f")
                            + " / " + results.spread(f, load, "lost").format("%.0f"),
                    results.spread(a, load, "serverCpuPercent").format("%.0f") + " / "
                            + results.spread(b, load, "serverCpuPercent").format("%.0f") + " / "
                            + results.spread(f, load, "serverCpuPercent").format("%.0f"),
                    results.spread(a, load, "generatorCpuPercent").format("%.0f"));
        }
        return table;
    }

    private String report(BenchEnvironment env, int rounds) {
        return "### STUN Binding (`bench/run.sh stun-binding`)\n\n"
                + RunInfo.describe(env, "coturn " + RunInfo.command(env, "sh", "-c",
                        "dpkg-query -W -f '${Version}' coturn 2>/dev/null || echo ?") + ", ours, and the bench's UDP echo")
                + " " + rounds + " round(s) of coturn, ours, echo in turn (the other way round in even rounds); median (min–max) over rounds. The client"
                + " keeps `window` Binding requests (20 bytes, no attributes) outstanding over up to " + sockets
                + " sockets, sending the next as each answer arrives; " + times.warmupSeconds + " s warm-up, " + times.seconds
                + " s measured; a request unanswered after 1 s is lost. The echo floor sends each request back"
                + " unchanged: the cost of the kernel's UDP path and the client, with no server work.\n\n"
                + table(results, "window") + "\n![STUN Binding answers per second](img/stun-binding.png)\n";
    }

    /**
     * Throughput is what a server can answer with requests waiting: windows of 16 and more, as the issue's own
     * coturn figures are. At window 1 the client waits for each answer, so the rate is one round trip's
     * wake-ups (client, server, client) and says nothing of a server's capacity; it is printed, not judged.
     */
    private Goals goals() {
        Goals goals = new Goals();
        for (double window : results.loads("perSecond").tailSet((double) MIN_THROUGHPUT_WINDOW, true)) {
            goals.atLeast(String.format("Binding throughput ≥ 1.5× coturn (ours/coturn, window %.0f)", window),
                    results.ratio(UdpContenders.OURS, UdpContenders.ANCHOR, window, "perSecond"), 1.5);
        }
        return goals;
    }

}
