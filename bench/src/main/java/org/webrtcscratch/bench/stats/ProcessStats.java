package org.webrtcscratch.bench.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory and CPU time of a process, read from Linux's {@code /proc/PID/status} (VmRSS) and
 * {@code /proc/PID/stat} (utime + stime, fields 14 and 15, in clock ticks; see proc(5)).
 */
public final class ProcessStats {

    /** USER_HZ: 100 on every Linux architecture the bench runs on (proc(5) calls it sysconf(_SC_CLK_TCK)). */
    static final long TICKS_PER_SECOND = 100;

    private ProcessStats() { }

    /** Resident set size in bytes. */
    public static long rssBytes(long pid) {
        return parseRssBytes(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    /** User plus system CPU time consumed so far, in nanoseconds (all threads). */
    public static long cpuNanos(long pid) {
        return parseCpuTicks(read(Path.of("/proc", Long.toString(pid), "stat"))) * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** This process's soft limit on open files (RLIMIT_NOFILE), from /proc/self/limits. */
    public static long maxOpenFiles() {
        return parseMaxOpenFiles(read(Path.of("/proc/self/limits")));
    }

    static long parseMaxOpenFiles(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IllegalArgumentException("no 'Max open files' line in /proc/self/limits");
    }

    static long parseRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmRSS line: " + line);
                }
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        throw new IllegalArgumentException("no VmRSS line in /proc/PID/status (a kernel thread or a zombie?)");
    }

    static long parseCpuTicks(String stat) {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("no ')' in /proc/PID/stat: " + stat);
        }
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so field N is fields[N - 3].
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (has the process exited?)", e);
        }
    }

    /** CPU use between two points in time, as cores busy (1.0 = one core all the time). */
    public record CpuMeter(long pid, long startCpuNanos, long startWallNanos) {

        public static CpuMeter start(long pid) {
            return new CpuMeter(pid, cpuNanos(pid), System.nanoTime());
        }

        public double coresSinceStart() {
            long wall = System.nanoTime() - startWallNanos;
            return wall <= 0 ? 0 : (double) (cpuNanos(pid) - startCpuNanos) / wall;
        }
    }
}
