package org.webrtcscratch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.webrtcscratch.bench.process.BenchEnvironment;

/** One line saying when, where and on what a result was measured, for the top of every generated section. */
public final class RunInfo {

    private RunInfo() { }

    public static String describe(BenchEnvironment env, String servers) {
        return "Measured " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + " on " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), Linux "
                + command(env, "uname", "-r") + ", Java " + Runtime.version().feature()
                + ", our commit " + command(env, "git", "rev-parse", "--short", "HEAD") + "; " + servers + ".";
    }

    public static String peerJsVersion(BenchEnvironment env) {
        return packageVersion(env.workDir().resolve("node_modules/peer/package.json"));
    }

    static String packageVersion(Path packageJson) {
        try {
            String json = Files.readString(packageJson);
            int key = json.indexOf("\"version\"");
            int start = json.indexOf('"', json.indexOf(':', key)) + 1;
            return json.substring(start, json.indexOf('"', start));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    public static String command(BenchEnvironment env, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(env.repoRoot().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
