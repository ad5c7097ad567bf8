package org.webrtcscratch.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server under test, started as a child process with its output in a log file, and stopped (SIGTERM, then
 * SIGKILL after a grace period) when closed. The bench measures it through {@link #pid()}.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} and waits until {@code ready} holds (polled every 50 ms, at most 60 s).
     *
     * @throws IllegalStateException if the process exits or is not ready in time (its log says why)
     */
    public static ServerProcess start(String name, int port, List<String> command, Path logDir, BooleanSupplier ready) {
        return start(name, port, command, Map.of(), logDir, ready);
    }

    /** {@link #start(String, int, List, Path, BooleanSupplier)} with {@code environment} added to this process's. */
    public static ServerProcess start(String name, int port, List<String> command, Map<String, String> environment,
                                      Path logDir, BooleanSupplier ready) {
        Path log = logDir.resolve(name + "-" + port + ".log");
        Process process;
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
        ServerProcess server = new ServerProcess(name, port, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (!ready.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was"
                            + " ready; see " + log + "\n" + server.logTail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT + "; see " + log);
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException | RuntimeException e) {
            server.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
            throw (RuntimeException) e;
        }
        return server;
    }

    /**
     * The same process, known by another port (our server's TURN port rather than its HTTP port), once
     * {@code ready} holds for that port too.
     */
    public ServerProcess withPort(int otherPort, BooleanSupplier ready) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " does not answer on port " + otherPort + "; see " + log);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
        return new ServerProcess(name, otherPort, process, log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the server's log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
