package org.webrtcscratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The options bench/run.sh and docs/benchmarks.md use keep their names and defaults, now declared in mixins. */
class BenchOptionsTest {

    private static CommandLine parse(String command, String... args) {
        CommandLine bench = new CommandLine(BenchMain.class);
        String[] line = new String[args.length + 1];
        line[0] = command;
        System.arraycopy(args, 0, line, 1, args.length);
        // through the top command, as bench/run.sh calls it (a subcommand cannot be parsed on its own)
        return bench.parseArgs(line).subcommand().commandSpec().commandLine();
    }

    private static Object value(CommandLine command, String option) {
        return command.getCommandSpec().findOption(option).getValue();
    }

    @Test
    void everyBenchmarkKeepsItsOptionNames() {
        Map<String, List<String>> before = Map.of(
                "signaling-hold", List.of("--steps", "--max-pending", "--idle-seconds", "--server-minutes", "--room-capacity",
                        "--our-jvm-option"),
                "signaling-relay", List.of("--pairs", "--rates", "--warmup-seconds", "--seconds", "--our-jvm-option"),
                "signaling-throughput", List.of("--pairs", "--windows", "--threads", "--warmup-seconds", "--seconds",
                        "--our-jvm-option"),
                "stun-binding", List.of("--windows", "--sockets", "--warmup-seconds", "--seconds", "--our-jvm-option"),
                "turn-relay", List.of("--sessions", "--window", "--data-bytes", "--warmup-seconds", "--seconds",
                        "--our-jvm-option"),
                "turn-paced", List.of("--clients", "--messages"),
                "call-setup", List.of("--runs", "--chromium"),
                "file-transfer", List.of("--sizes-mib", "--chromium"),
                "bts-cost", List.of("--seconds", "--settle-seconds", "--chromium"));
        List<String> common = List.of("--rounds", "--max-minutes", "--repo", "--no-doc", "--only", "--check",
                "--our-jvm-option", "--ours-at");
        before.forEach((command, names) -> {
            List<String> options = parse(command).getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
            assertThat(options).as(command).containsAll(names).containsAll(common).doesNotHaveDuplicates();
        });
    }

    @Test
    void theTimesAndLoadsFromMixinsKeepEachBenchmarksDefaults() {
        Map<String, List<Integer>> times = Map.of("signaling-relay", List.of(2, 5), "signaling-throughput", List.of(3, 8),
                "stun-binding", List.of(1, 4), "turn-relay", List.of(1, 4));
        times.forEach((command, expected) -> {
            CommandLine parsed = parse(command);
            assertThat(List.of(value(parsed, "--warmup-seconds"), value(parsed, "--seconds"))).as(command).isEqualTo(expected);
        });
        assertThat(value(parse("signaling-throughput"), "--windows")).isEqualTo(List.of(4, 16));
        assertThat(value(parse("stun-binding"), "--windows")).isEqualTo(List.of(1, 16, 64, 256));
        assertThat(value(parse("signaling-relay"), "--pairs")).isEqualTo(100);
        assertThat(value(parse("signaling-throughput"), "--pairs")).isEqualTo(100);
        assertThat(value(parse("file-transfer"), "--sizes-mib")).isEqualTo(List.of(100, 1024));
    }

    @Test
    void givenValuesReplaceTheDefaultsInsteadOfAddingToThem() {
        CommandLine parsed = parse("stun-binding", "--windows", "8,32", "--seconds", "2", "--our-jvm-option=-Xmx1g",
                "--our-jvm-option=-XX:+UseSerialGC", "--only", "coturn,ours");
        assertThat(value(parsed, "--windows")).isEqualTo(List.of(8, 32));
        assertThat(value(parsed, "--seconds")).isEqualTo(2);
        assertThat(value(parsed, "--our-jvm-option")).isEqualTo(List.of("-Xmx1g", "-XX:+UseSerialGC"));
        assertThat(value(parsed, "--only")).isEqualTo(List.of("coturn", "ours"));
    }

    @Test
    void helpShowsEachBenchmarksOwnDefaults() {
        String help = parse("signaling-throughput").getUsageMessage(CommandLine.Help.Ansi.OFF);
        String text = help.replaceAll("\\s+", " ");
        assertThat(text).contains("Measured time at each load point (default: 8)")
                .contains("Unmeasured time at each load point (default: 3)")
                .contains("one measurement each; per client (signaling) or in total over the sockets (STUN) (default: [4, 16])");
    }
}
