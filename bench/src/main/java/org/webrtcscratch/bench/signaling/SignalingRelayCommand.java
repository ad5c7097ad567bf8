package org.webrtcscratch.bench.signaling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.MeasureTimes;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.LineChart;
import org.webrtcscratch.bench.report.MarkdownTable;
import org.webrtcscratch.bench.report.ResultSet;
import org.webrtcscratch.bench.stats.LatencyHistogram;
import org.webrtcscratch.bench.stats.ProcessStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Relays signals at fixed rates between pairs of clients and measures the one-way latency (send to receive,
 * both in this process, so one clock) and the loss. The sender is open-loop: it never waits for replies.
 */
@Command(name = "signaling-relay", mixinStandardHelpOptions = true,
        description = "One-way relay latency p50/p99/p99.9 and loss at fixed rates (ours vs PeerJS server).")
public final class SignalingRelayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    Pairs pairs = new Pairs();

    @Option(names = "--rates", split = ",", defaultValue = "1000,5000,10000,20000,40000",
            description = "Signals a second over all clients (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Mixin
    MeasureTimes times = new MeasureTimes(2, 5);

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        int rounds = common.alternate(pairs.contenders(env, common.ours), deadline,
                (contender, server, round) -> relayOn(contender.name(), server, round, deadline));
        return common.finish(env, "signaling-relay", results, () -> report(env, rounds), this::goals, () ->
                new LineChart("One-way relay latency p99 against load", "signals per second", "p99 latency (µs)")
                        .series("PeerJS server", results.medians(SignalingContenders.ANCHOR, "p99"))
                        .series("ours", results.medians(SignalingContenders.OURS, "p99"))
                        .write(env.imageDir().resolve("signaling-relay.png")));
    }

    /** State of the measured window at one rate: what was sent in it and what of that arrived. */
    private static final class Window {
        final LatencyHistogram latency = new LatencyHistogram();
        long fromNanos = Long.MAX_VALUE;
        long toNanos = Long.MAX_VALUE;
        long sent;
        long received;
    }

    private void relayOn(String name, ServerProcess server, int round, Deadline deadline) {
        List<SignalingClient> clients = SignalingContenders.pairs("r", pairs.count, 0);
        try (SignalingFleet fleet = new SignalingFleet(SignalingContenders.adapter(name),
                SignalingContenders.address(server), clients, System.nanoTime())) {
            int registered = fleet.open(0, clients.size(), 200, deadline.nanosOrSooner(Duration.ofSeconds(60)));
            if (registered < clients.size()) {
                throw new IllegalStateException(name + ": only " + registered + " of " + clients.size()
                        + " clients registered: " + fleet.lastProblem);
            }
            Window[] window = {new Window()};
            fleet.onRelayed((receiver, relayed, now) -> {
                Window w = window[0];
                if (relayed.sentNanos() >= w.fromNanos && relayed.sentNanos() < w.toNanos) {
                    w.latency.recordNanos(now - fleet.epochNanos - relayed.sentNanos());
                    w.received++;
                }
            });
            for (int rate : rates.stream().sorted().toList()) {
                if (deadline.passed()) {
                    return;
                }
                Window w = new Window();
                window[0] = w;
                sendAt(fleet, rate, times.warmupSeconds, null);
                ProcessStats.CpuMeter serverCpu = ProcessStats.CpuMeter.start(server.pid());
                ProcessStats.CpuMeter ownCpu = ProcessStats.CpuMeter.start(ProcessHandle.current().pid());
                w.fromNanos = System.nanoTime() - fleet.epochNanos;
                long sent = sendAt(fleet, rate, times.seconds, w);
                w.toNanos = System.nanoTime() - fleet.epochNanos;
                double serverCores = serverCpu.coresSinceStart();
                double ownCores = ownCpu.coresSinceStart();
                fleet.run(Duration.ofSeconds(1).toNanos(), () -> { }, 1);
                LatencyHistogram.Percentiles p = w.latency.percentiles();
                double loss = sent == 0 ? Double.NaN : 100.0 * (sent - w.received) / sent;
                results.add(name, round, rate, "achievedRate", sent / (double) times.seconds);
                results.add(name, round, rate, "p50", p.p50Micros());
                results.add(name, round, rate, "p99", p.p99Micros());
                results.add(name, round, rate, "p999", p.p999Micros());
                results.add(name, round, rate, "lossPercent", loss);
                results.add(name, round, rate, "serverCpuPercent", serverCores * 100);
                results.add(name, round, rate, "generatorCpuPercent", ownCores * 100);
                System.out.printf("  %s at %,d/s: sent %,d, p50 %.0f µs, p99 %.0f µs, p99.9 %.0f µs, loss %.3f%%,"
                                + " server CPU %.0f%%, generator CPU %.0f%%, errors %d%n", name, rate, sent,
                        p.p50Micros(), p.p99Micros(), p.p999Micros(), loss, serverCores * 100, ownCores * 100, fleet.errors);
            }
        }
    }

    /**
     * Sends {@code rate} signals a second for {@code seconds}, round-robin over the clients, in batches of
     * whatever fell due since the last loop turn (the loop waits at most 1 ms). Returns the number sent.
     */
    private static long sendAt(SignalingFleet fleet, int rate, int seconds, Window window) {
        long start = System.nanoTime();
        long[] sent = {0};
        int[] cursor = {0};
        List<SignalingClient> clients = fleet.clients;
        fleet.run(Duration.ofSeconds(seconds).toNanos(), () -> {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L - sent[0];
            for (long i = 0; i < due; i++) {
                SignalingClient client = clients.get(cursor[0]);
                cursor[0] = (cursor[0] + 1) % clients.size();
                fleet.sendSignal(client);
                sent[0]++;
            }
        }, 1);
        if (window != null) {
            window.sent = sent[0];
        }
        return sent[0];
    }

    private String report(BenchEnvironment env, int rounds) {
        String a = SignalingContenders.ANCHOR;
        String b = SignalingContenders.OURS;
        MarkdownTable table = new MarkdownTable("signals/s", "p50 µs A", "p50 µs B", "p99 µs A", "p99 µs B",
                "B/A p99", "p99.9 µs A", "p99.9 µs B", "loss % A / B", "server CPU % A / B", "generator CPU % A / B");
        for (double rate : results.loads("p99")) {
            table.row(String.format("%,.0f", rate),
                    results.spread(a, rate, "p50").format("%.0f"), results.spread(b, rate, "p50").format("%.0f"),
                    results.spread(a, rate, "p99").format("%.0f"), results.spread(b, rate, "p99").format("%.0f"),
                    results.ratio(b, a, rate, "p99").format("%.2f"),
                    results.spread(a, rate, "p999").format("%.0f"), results.spread(b, rate, "p999").format("%.0f"),
                    results.spread(a, rate, "lossPercent").format("%.2f") + " / " + results.spread(b, rate, "lossPercent").format("%.2f"),
                    results.spread(a, rate, "serverCpuPercent").format("%.0f") + " / " + results.spread(b, rate, "serverCpuPercent").format("%.0f"),
                    results.spread(a, rate, "generatorCpuPercent").format("%.0f") + " / " + results.spread(b, rate, "generatorCpuPercent").format("%.0f"));
        }
        return "### Relay latency at fixed rates (`bench/run.sh signaling-relay`)\n\n"
                + RunInfo.describe(env, "A = PeerJS server " + RunInfo.peerJsVersion(env) + ", B = ours") + " "
                + rounds + " A/B round(s); median (min–max) over rounds. " + pairs.count + " client pairs, each client"
                + " sending ICE-candidate-sized signals (~330 bytes) to its partner, round-robin, open loop, in 1 ms"
                + " batches; " + times.warmupSeconds + " s warm-up then " + times.seconds + " s measured per rate. One-way"
                + " latency = receive time − send time in the generator (one clock). Loss = signals sent in the"
                + " window that had not arrived 1 s after it. CPU in % of one core.\n\n"
                + table + "\n![p99 relay latency against load](img/signaling-relay.png)\n";
    }

    /** The rate is 10,000 signals/s; the measured rate nearest to it stands in if it was not run. */
    private Goals goals() {
        double rate = results.loads("p99").stream().min(java.util.Comparator.comparingDouble(r -> Math.abs(r - 10_000)))
                .orElse(0.0);
        return new Goals().atMost(String.format("p99 latency at %,.0f signals/s no worse than PeerJS (ours/PeerJS)", rate),
                results.ratio(SignalingContenders.OURS, SignalingContenders.ANCHOR, rate, "p99"), 1.0);
    }

}
