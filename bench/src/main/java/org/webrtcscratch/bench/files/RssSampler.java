package org.webrtcscratch.bench.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.webrtcscratch.bench.stats.ProcessStats;

/**
 * Samples, every 100 ms, the resident memory of the renderer processes of browsers told apart by their
 * profile folder (Chromium's renderers have {@code --type=renderer} and {@code --user-data-dir=PROFILE} on
 * their command line), and keeps each browser's largest renderer RSS.
 */
final class RssSampler implements AutoCloseable {

    private static final long MIB = 1024 * 1024;
    private final Map<Path, Long> peaks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    RssSampler(Path... profiles) {
        for (Path profile : profiles) {
            peaks.put(profile, 0L);
        }
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    double peakMib(Path profile) {
        sample();
        return peaks.get(profile) / (double) MIB;
    }

    private void sample() {
        for (Path profile : peaks.keySet()) {
            String flag = "--user-data-dir=" + profile;
            ProcessHandle.allProcesses()
                    .filter(p -> {
                        String command = commandLine(p.pid());
                        return command.contains("--type=renderer") && command.contains(flag);
                    })
                    .forEach(renderer -> {
                        try {
                            long rss = ProcessStats.rssBytes(renderer.pid());
                            peaks.merge(profile, rss, Math::max);
                        } catch (RuntimeException gone) {
                            // The renderer ended between the listing and the read.
                        }
                    });
        }
    }

    /** The arguments of {@code pid} joined by spaces; empty if it is gone. */
    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1)
                    .replace('\0', ' ');
        } catch (IOException | UncheckedIOException gone) {
            return "";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
