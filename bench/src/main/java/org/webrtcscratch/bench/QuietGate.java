package org.webrtcscratch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits, a bounded time, for the shared machine to be mostly idle before a measurement starts: other
 * people's builds and browsers on the same 2 cores swing results far more than any code change. Idle is
 * read from the "cpu" line of /proc/stat (proc(5)) over one second.
 */
public final class QuietGate {

    private QuietGate() { }

    /**
     * Returns the idle fraction (0–1) of the last second once it is at least {@code idleWanted}, or the
     * last value seen when {@code patience} runs out.
     */
    public static double await(double idleWanted, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        double idle;
        do {
            idle = idleOverOneSecond();
        } while (idle < idleWanted && System.nanoTime() < end);
        return idle;
    }

    static double idleOverOneSecond() {
        long[] before = cpuTimes();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        long[] after = cpuTimes();
        return idleFraction(before, after);
    }

    /** Idle + iowait over all time counted, between two samples of the "cpu" line. */
    static double idleFraction(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < after.length; i++) {
            total += after[i] - before[i];
        }
        long idle = (after[3] - before[3]) + (after[4] - before[4]);
        return total <= 0 ? 0 : (double) idle / total;
    }

    static long[] parseCpuLine(String procStat) {
        String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line in /proc/stat"));
        String[] fields = line.substring(4).trim().split("\\s+");
        long[] times = new long[Math.min(fields.length, 8)];
        for (int i = 0; i < times.length; i++) {
            times[i] = Long.parseLong(fields[i]);
        }
        return times;
    }

    private static long[] cpuTimes() {
        try {
            return parseCpuLine(Files.readString(Path.of("/proc/stat")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }
}
