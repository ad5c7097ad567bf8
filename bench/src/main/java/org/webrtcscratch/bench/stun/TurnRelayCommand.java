package org.webrtcscratch.bench.stun;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.MeasureTimes;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.FreePorts;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.process.Servers;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.ResultSet;
import org.webrtcscratch.bench.stats.ProcessStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * TURN relay round trips: each session allocates, binds a channel to a UDP echo peer, and ping-pongs
 * ChannelData through the relay (client → server → echo → server → client). The floor is the same client
 * sending the same datagrams straight to the echo.
 */
@Command(name = "turn-relay", mixinStandardHelpOptions = true,
        description = "TURN ChannelData round trips per second through the relay to an echo peer (coturn vs ours vs floor).")
public final class TurnRelayCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--sessions", split = ",", defaultValue = "1,10,100",
            description = "TURN allocations, one socket each (default: ${DEFAULT-VALUE}).")
    List<Integer> sessions;

    @Option(names = "--window", defaultValue = "1", description = "Datagrams in flight per session: 1 is ping-pong (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--data-bytes", defaultValue = "100", description = "ChannelData payload size, a multiple of 4 (default: ${DEFAULT-VALUE}).")
    int dataBytes;

    @Mixin
    MeasureTimes times = new MeasureTimes(1, 4);

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        int rounds = common.alternate(UdpContenders.of(env, common.ours), deadline,
                (contender, server, round) -> {
                    boolean floor = contender.name().equals(UdpContenders.FLOOR);
                    try (ServerProcess echo = floor ? null : Servers.udpEcho(env)) {
                        for (int count : sessions) {
                            if (!deadline.passed()) {
                                measure(contender.name(), server, echo, round, count);
                            }
                        }
                    }
                });
        return common.finish(env, "turn-relay", results, () -> report(env, rounds), this::goals, () ->
                UdpContenders.chart(results, "TURN ChannelData round trips per second against sessions", "sessions",
                        "round trips per second").write(env.imageDir().resolve("turn-relay.png")));
    }

    /** {@code echo} is null for the floor, where {@code server} is the echo itself. */
    private void measure(String name, ServerProcess server, ServerProcess echo, int round, int count) throws Exception {
        List<DatagramChannel> channels = UdpContenders.sockets(count, server.port());
        try {
            if (echo != null) {
                InetSocketAddress peer = new InetSocketAddress(FreePorts.LOOPBACK, echo.port());
                for (DatagramChannel channel : channels) {
                    TurnAllocation.setUp(channel, Servers.TURN_USER, Servers.TURN_PASSWORD, peer, ChannelData.FIRST_CHANNEL);
                }
            }
            UdpProbeClient client = new UdpProbeClient(channels, new Probe.ChannelDataEcho(ChannelData.FIRST_CHANNEL, dataBytes),
                    window, Duration.ofSeconds(1));
            ProcessStats.CpuMeter serverCpu = ProcessStats.CpuMeter.start(server.pid());
            ProcessStats.CpuMeter ownCpu = ProcessStats.CpuMeter.start(ProcessHandle.current().pid());
            UdpProbeClient.Result result = client.run(Duration.ofSeconds(times.warmupSeconds), Duration.ofSeconds(times.seconds));
            StunBindingCommand.record(results, name, round, count, result, serverCpu.coresSinceStart(), ownCpu.coresSinceStart());
        } finally {
            UdpContenders.close(channels);
        }
    }

    private String report(BenchEnvironment env, int rounds) {
        return "### TURN relay round trips (`bench/run.sh turn-relay`)\n\n"
                + RunInfo.describe(env, "coturn " + RunInfo.command(env, "sh", "-c",
                        "dpkg-query -W -f '${Version}' coturn 2>/dev/null || echo ?") + ", ours, and the bench's UDP echo")
                + " " + rounds + " round(s) of coturn, ours, echo in turn (the other way round in even rounds); median (min–max) over rounds. Each session"
                + " is one UDP socket with its own allocation (long-term credentials), a channel bound to the echo"
                + " peer, and " + window + " ChannelData message(s) of " + dataBytes + " bytes in flight: client →"
                + " relay → echo → relay → client. Server CPU counts the relay only (the echo peer is a separate"
                + " process). The floor sends the same datagrams straight to the echo. " + times.warmupSeconds
                + " s warm-up, " + times.seconds + " s measured; a datagram unanswered after 1 s is lost.\n\n"
                + StunBindingCommand.table(results, "sessions") + "\n![TURN round trips per second](img/turn-relay.png)\n";
    }

    /** The bounds hold at 10–100 sessions; a single session is measured for context only. */
    private Goals goals() {
        Goals goals = new Goals();
        for (double count : results.loads("perSecond").subSet(10.0, true, 100.0, true)) {
            goals.atLeast(String.format("relay round trips ≥ 1.2× coturn (ours/coturn, %.0f sessions)", count),
                            results.ratio(UdpContenders.OURS, UdpContenders.ANCHOR, count, "perSecond"), 1.2)
                    .atMost(String.format("p99 no worse than coturn (ours/coturn, %.0f sessions)", count),
                            results.ratio(UdpContenders.OURS, UdpContenders.ANCHOR, count, "p99"), 1.0)
                    .atLeast(String.format("within 2× of the kernel floor (ours/floor, %.0f sessions)", count),
                            results.ratio(UdpContenders.OURS, UdpContenders.FLOOR, count, "perSecond"), 0.5);
        }
        return goals;
    }

}
