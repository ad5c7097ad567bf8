package org.webrtcscratch.turn.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A third-party program the interop tests drive (coturn's client tools, Python with aioice). Every run has
 * a time limit and its process tree is destroyed when it ends, however it ends. Output (stdout and stderr
 * together) goes to a temporary file, so a chatty program never blocks on a full pipe.
 *
 * @param executable the program
 * @param installHint what to install when it is missing
 */
record ExternalProgram(Path executable, String installHint) {

    /** How long a process gets to exit after it was asked to stop, before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    static ExternalProgram coturnTool(String name) {
        return new ExternalProgram(Path.of("/usr/bin", name), "apt-get install coturn");
    }

    /**
     * Skips the calling test without the program, except on CI (environment {@code CI=true}), where a
     * missing program fails the test: CI installs every one of them.
     */
    ExternalProgram requireInstalled() {
        if (!Files.isExecutable(executable)) {
            skipOrFail("no " + executable + " (" + installHint + ")");
        }
        return this;
    }

    static void skipOrFail(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; on CI the interop tests must run");
        }
        Assumptions.abort("interop test skipped: " + why);
    }

    /** Runs the program to its end, or kills it after {@code timeout}. */
    ProgramRun run(Duration timeout, List<String> args) {
        try (Running running = start(args)) {
            return running.awaitExit(timeout);
        }
    }

    /** Starts the program; close the result to stop it. */
    Running start(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            Path output = Files.createTempFile("interop-" + executable.getFileName() + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new Running(List.copyOf(command), process, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A started program. {@link #close()} stops it and its children and deletes its output file. */
    static final class Running implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final Path output;

        private Running(List<String> command, Process process, Path output) {
            this.command = command;
            this.process = process;
            this.output = output;
        }

        /** Waits for the program to exit by itself; after {@code timeout} it is killed and the run says so. */
        ProgramRun awaitExit(Duration timeout) {
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exited = false;
            }
            if (!exited) {
                stop();
            }
            return new ProgramRun(command, exited ? process.exitValue() : ProgramRun.TIMED_OUT, output(), timeout);
        }

        /** Everything the program printed so far. */
        String output() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the output of " + command, e);
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        private void stop() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroy();
            try {
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            try {
                stop();
            } finally {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    System.err.println("cannot delete " + output + ": " + e);
                }
            }
        }
    }
}
