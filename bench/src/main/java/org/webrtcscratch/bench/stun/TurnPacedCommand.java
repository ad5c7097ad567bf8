package org.webrtcscratch.bench.stun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.process.Servers;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.MarkdownTable;
import org.webrtcscratch.bench.report.ResultSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The paced check: coturn's own client, {@code turnutils_uclient}, sending one datagram every 20 ms per client
 * through the relay to the echo peer, for 1, 10 and 100 clients. Both servers must lose nothing.
 */
@Command(name = "turn-paced", mixinStandardHelpOptions = true,
        description = "turnutils_uclient -z 20 through coturn and ours for 1/10/100 clients: loss must be zero.")
public final class TurnPacedCommand implements Callable<Integer> {

    private static final Pattern LOST = Pattern.compile("Total lost packets (\\d+) \\(([0-9.]+)%\\)");
    private static final Pattern DELAY = Pattern.compile("Average round trip delay ([0-9.]+) ms");
    private static final Pattern SENT = Pattern.compile("tot_send_msgs=(\\d+)");

    @Mixin
    CommonOptions common;

    @Option(names = "--clients", split = ",", defaultValue = "1,10,100", description = "Client counts (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--messages", defaultValue = "250", description = "Messages per client, 20 ms apart (default: ${DEFAULT-VALUE}).")
    int messages;

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        List<Contender> contenders = UdpContenders.of(env, common.ours).stream()
                .filter(c -> !c.name().equals(UdpContenders.FLOOR)).toList();
        int rounds = common.alternate(contenders, deadline, (contender, server, round) -> {
            try (ServerProcess echo = Servers.udpEcho(env)) {
                for (int count : clients) {
                    if (!deadline.passed()) {
                        run(contender.name(), server, echo, round, count);
                    }
                }
            }
        });
        return common.finish(env, "turn-paced", results, () -> report(env, rounds), this::goals, () -> { });
    }

    private void run(String name, ServerProcess server, ServerProcess echo, int round, int count)
            throws IOException, InterruptedException {
        List<String> command = List.of("turnutils_uclient", "-c", "-X", "-u", Servers.TURN_USER, "-w", Servers.TURN_PASSWORD,
                "-p", Integer.toString(server.port()), "-e", "127.0.0.1", "-r", Integer.toString(echo.port()),
                "-m", Integer.toString(count), "-n", Integer.toString(messages), "-z", "20", "-l", "100", "127.0.0.1");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(messages / 50 + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        Matcher lost = LOST.matcher(text);
        Matcher delay = DELAY.matcher(text);
        if (!lost.find()) {
            System.out.printf("  %s with %d clients: no loss line in turnutils_uclient output:%n%s%n", name, count,
                    text.lines().skip(Math.max(0, text.lines().count() - 10)).reduce("", (a, b) -> a + b + "\n"));
            results.add(name, round, count, "lostPercent", Double.NaN);
            return;
        }
        long sent = 0;
        Matcher sentMatcher = SENT.matcher(text);
        while (sentMatcher.find()) {
            sent = Long.parseLong(sentMatcher.group(1));
        }
        results.add(name, round, count, "lost", Long.parseLong(lost.group(1)));
        results.add(name, round, count, "lostPercent", Double.parseDouble(lost.group(2)));
        results.add(name, round, count, "sent", sent);
        results.add(name, round, count, "rttMillis", delay.find() ? Double.parseDouble(delay.group(1)) : Double.NaN);
        System.out.printf("  %s with %d clients: lost %s (%s%%), sent %d, average RTT %s ms%n", name, count,
                lost.group(1), lost.group(2), sent, delay.find(0) ? delay.group(1) : "?");
    }

    private String report(BenchEnvironment env, int rounds) {
        List<String> names = new ArrayList<>(List.of(UdpContenders.ANCHOR));
        if (results.has(UdpContenders.OURS)) {
            names.add(UdpContenders.OURS);
        }
        MarkdownTable table = new MarkdownTable("server", "clients", "messages sent", "lost",
                "lost %", "average RTT ms");
        for (String name : names) {
            for (double count : results.loads("lostPercent")) {
                table.row(name, String.format("%.0f", count),
                        results.spread(name, count, "sent").format("%,.0f"),
                        results.spread(name, count, "lost").format("%.0f"),
                        results.spread(name, count, "lostPercent").format("%.2f"),
                        results.spread(name, count, "rttMillis").format("%.2f"));
            }
        }
        return "### TURN paced load with coturn's client (`bench/run.sh turn-paced`)\n\n"
                + RunInfo.describe(env, "coturn " + RunInfo.command(env, "sh", "-c",
                        "dpkg-query -W -f '${Version}' coturn 2>/dev/null || echo ?") + " and ours")
                + " " + rounds + " round(s). `turnutils_uclient -c -X -m CLIENTS -n " + messages
                + " -z 20 -l 100` through each server to the bench's UDP echo: every client allocates, then sends"
                + " 100-byte datagrams 20 ms apart (an audio stream's pace) and counts what comes back.\n\n" + table;
    }

    private Goals goals() {
        Goals goals = new Goals();
        for (double count : results.loads("lost")) {
            goals.atMost(String.format("no loss under paced load (ours, %.0f clients, messages lost)", count),
                    results.spread(UdpContenders.OURS, count, "lost"), 0);
        }
        return goals;
    }

}
