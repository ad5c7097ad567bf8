package org.webrtcscratch.bench.signaling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.MeasureTimes;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.Windows;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.report.BarChart;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.MarkdownTable;
import org.webrtcscratch.bench.report.ResultSet;
import org.webrtcscratch.bench.stats.LatencyHistogram;
import org.webrtcscratch.bench.stats.ProcessStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The most signals a server relays a second: every client keeps a bounded window of signals in flight to
 * its partner and sends a new one each time one arrives, so the load follows the server's pace instead of
 * piling up in its queues. Several generator threads, each with its own pairs and event loop.
 */
@Command(name = "signaling-throughput", mixinStandardHelpOptions = true,
        description = "Maximum relayed signals a second with a bounded window (ours vs PeerJS server).")
public final class SignalingThroughputCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    Pairs pairs = new Pairs();

    @Mixin
    Windows windows = new Windows(4, 16);

    @Option(names = "--threads", defaultValue = "2", description = "Generator threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    MeasureTimes times = new MeasureTimes(3, 8);

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        int rounds = common.alternate(pairs.contenders(env, common.ours), deadline, (contender, server, round) -> {
            for (int window : windows.sizes) {
                if (!deadline.passed()) {
                    measure(contender.name(), server, round, window, deadline);
                }
            }
        });
        return common.finish(env, "signaling-throughput", results, () -> report(env, rounds), this::goals, () -> {
            BarChart chart = new BarChart("Maximum relayed signals per second", "window (signals in flight per client)",
                    "signals relayed per second");
            for (double window : results.loads("perSecond")) {
                chart.bar(String.format("%.0f", window), "PeerJS server", results.spread(SignalingContenders.ANCHOR, window, "perSecond"));
                chart.bar(String.format("%.0f", window), "ours", results.spread(SignalingContenders.OURS, window, "perSecond"));
            }
            chart.write(env.imageDir().resolve("signaling-throughput.png"));
        });
    }

    /** What one generator thread counted inside the measured interval. */
    private record Count(long received, LatencyHistogram latency, int errors, String problem) { }

    private void measure(String name, ServerProcess server, int round, int window, Deadline deadline) throws Exception {
        int pairsPerThread = pairs.count / threads;
        CountDownLatch allOpen = new CountDownLatch(threads);
        long epoch = System.nanoTime();
        long[] measureFrom = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Count>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int firstPair = t * pairsPerThread;
                counts.add(pool.submit(() -> runThread(name, server, firstPair, pairsPerThread, window, epoch, allOpen,
                        measureFrom, deadline)));
            }
            if (!allOpen.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": clients did not register within 60 s");
            }
            ProcessStats.CpuMeter serverCpu;
            ProcessStats.CpuMeter ownCpu;
            Thread.sleep(times.warmupSeconds * 1000L);
            serverCpu = ProcessStats.CpuMeter.start(server.pid());
            ownCpu = ProcessStats.CpuMeter.start(ProcessHandle.current().pid());
            Thread.sleep(times.seconds * 1000L);
            double serverCores = serverCpu.coresSinceStart();
            double ownCores = ownCpu.coresSinceStart();
            long received = 0;
            int errors = 0;
            LatencyHistogram latency = new LatencyHistogram();
            String problem = "";
            for (Future<Count> count : counts) {
                Count c = count.get(times.seconds + times.warmupSeconds + 120L, TimeUnit.SECONDS);
                received += c.received();
                latency.add(c.latency());
                errors += c.errors();
                problem = c.problem().isEmpty() ? problem : c.problem();
            }
            double perSecond = received / (double) times.seconds;
            LatencyHistogram.Percentiles p = latency.percentiles();
            results.add(name, round, window, "perSecond", perSecond);
            results.add(name, round, window, "p50", p.p50Micros());
            results.add(name, round, window, "p99", p.p99Micros());
            results.add(name, round, window, "serverCpuPercent", serverCores * 100);
            results.add(name, round, window, "generatorCpuPercent", ownCores * 100);
            System.out.printf("  %s window %d: %,.0f relayed/s, p50 %.0f µs, p99 %.0f µs, server CPU %.0f%%,"
                            + " generator CPU %.0f%%, errors %d %s%n", name, window, perSecond, p.p50Micros(),
                    p.p99Micros(), serverCores * 100, ownCores * 100, errors, problem);
        } finally {
            pool.shutdownNow();
        }
    }

    private Count runThread(String name, ServerProcess server, int firstPair, int pairCount, int window, long epoch,
                            CountDownLatch allOpen, long[] measureFrom, Deadline deadline) {
        List<SignalingClient> clients = SignalingContenders.pairs("w" + window + "-", pairCount, firstPair);
        try (SignalingFleet fleet = new SignalingFleet(SignalingContenders.adapter(name),
                SignalingContenders.address(server), clients, epoch)) {
            int registered = fleet.open(0, clients.size(), 200, deadline.nanosOrSooner(Duration.ofSeconds(60)));
            allOpen.countDown();
            if (registered < clients.size()) {
                return new Count(0, new LatencyHistogram(), fleet.errors, "only " + registered + " registered: " + fleet.lastProblem);
            }
            long measureStart = System.nanoTime() + Duration.ofSeconds(times.warmupSeconds).toNanos();
            long measureEnd = measureStart + Duration.ofSeconds(times.seconds).toNanos();
            LatencyHistogram latency = new LatencyHistogram();
            long[] received = {0};
            fleet.onRelayed((receiver, relayed, now) -> {
                SignalingClient sender = receiver.partner;
                sender.inFlight--;
                if (now >= measureStart && now < measureEnd) {
                    received[0]++;
                    latency.recordNanos(now - fleet.epochNanos - relayed.sentNanos());
                }
                if (now < measureEnd) {
                    fleet.sendSignal(sender);
                }
            });
            for (SignalingClient client : clients) {
                for (int i = 0; i < window; i++) {
                    fleet.sendSignal(client);
                }
            }
            fleet.run(measureEnd - System.nanoTime(), () -> { }, 1);
            return new Count(received[0], latency, fleet.errors, fleet.lastProblem);
        }
    }

    private String report(BenchEnvironment env, int rounds) {
        String a = SignalingContenders.ANCHOR;
        String b = SignalingContenders.OURS;
        MarkdownTable table = new MarkdownTable("window per client", "relayed/s A", "relayed/s B", "B/A",
                "p50 µs A / B", "p99 µs A / B", "server CPU % A / B", "generator CPU % A / B");
        for (double window : results.loads("perSecond")) {
            table.row(String.format("%.0f", window),
                    results.spread(a, window, "perSecond").format("%,.0f"),
                    results.spread(b, window, "perSecond").format("%,.0f"),
                    results.ratio(b, a, window, "perSecond").format("%.2f"),
                    results.spread(a, window, "p50").format("%.0f") + " / " + results.spread(b, window, "p50").format("%.0f"),
                    results.spread(a, window, "p99").format("%.0f") + " / " + results.spread(b, window, "p99").format("%.0f"),
                    results.spread(a, window, "serverCpuPercent").format("%.0f") + " / " + results.spread(b, window, "serverCpuPercent").format("%.0f"),
                    results.spread(a, window, "generatorCpuPercent").format("%.0f") + " / " + results.spread(b, window, "generatorCpuPercent").format("%.0f"));
        }
        return "### Maximum relay throughput (`bench/run.sh signaling-throughput`)\n\n"
                + RunInfo.describe(env, "A = PeerJS server " + RunInfo.peerJsVersion(env) + ", B = ours") + " "
                + rounds + " A/B round(s); median (min–max) over rounds. " + pairs.count + " client pairs over "
                + threads + " generator threads; every client keeps `window` signals in flight to its partner"
                + " (both directions), sending one more as each arrives; " + times.warmupSeconds + " s warm-up, "
                + times.seconds + " s measured. CPU in % of one core: on 2 cores, server and generator compete.\n\n"
                + table + "\n![Relayed signals per second](img/signaling-throughput.png)\n";
    }

    private Goals goals() {
        double window = results.loads("perSecond").isEmpty() ? 0 : results.loads("perSecond").last();
        return new Goals().atLeast(String.format("max relay throughput ≥ 2× PeerJS (ours/PeerJS, window %.0f)", window),
                results.ratio(SignalingContenders.OURS, SignalingContenders.ANCHOR, window, "perSecond"), 2.0);
    }

}
