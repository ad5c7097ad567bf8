package org.webrtcscratch.turn.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * coturn's own {@code turnserver}, as a reference: the interop tests run against it with
 * {@code -Dinterop.target=coturn}, which tells a broken test from a broken server. Started on free ports
 * only, with a private pid file and user database, no CLI, no TLS.
 */
final class Coturn implements AutoCloseable {

    static final ExternalProgram TURNSERVER = ExternalProgram.coturnTool("turnserver");
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    /** Lines of coturn's own log to show when a test against it fails. */
    private static final int LOG_LINES_SHOWN = 20;

    private final ExternalProgram.Running process;
    private final Path state;
    private final int port;

    private Coturn(ExternalProgram.Running process, Path state, int port) {
        this.process = process;
        this.state = state;
        this.port = port;
    }

    /**
     * Starts a turnserver on {@code port} (UDP and TCP) of 127.0.0.1, and of ::1 if {@code ipv6}, relaying to
     * loopback peers. {@code authentication} is either {@code --user=NAME:PASSWORD} or
     * {@code --static-auth-secret=SECRET}: coturn takes only one kind at a time.
     */
    static Coturn start(int port, String realm, boolean ipv6, String authentication) {
        Path state;
        try {
            state = Files.createTempDirectory("interop-coturn-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("-n", "--no-cli", "--no-tls", "--no-dtls", "--log-file=stdout",
                "--simple-log", "--pidfile=" + state.resolve("turnserver.pid"),
                "--userdb=" + state.resolve("turndb"), "--listening-port=" + port,
                "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--allow-loopback-peers", "--realm=" + realm,
                authentication.startsWith("--user=") ? "--lt-cred-mech" : "--use-auth-secret", authentication));
        if (ipv6) {
            args.addAll(List.of("--listening-ip=::1", "--relay-ip=::1"));
        }
        Coturn coturn = new Coturn(TURNSERVER.start(args), state, port);
        try {
            coturn.awaitListening(port);
            return coturn;
        } catch (RuntimeException e) {
            coturn.close();
            throw e;
        }
    }

    /** Whether coturn still runs, and the end of its log: a failed test against coturn shows it. */
    String status() {
        List<String> log = process.output().lines().toList();
        List<String> tail = log.subList(Math.max(0, log.size() - LOG_LINES_SHOWN), log.size());
        return "coturn on port " + port + (process.isAlive() ? " is running" : " has exited")
                + "; its last log lines:\n" + String.join("\n", tail);
    }

    private void awaitListening(int port) {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) POLL.toMillis());
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("coturn did not listen on TCP port " + port + " within " + STARTUP
                + "; its output:\n" + process.output());
    }

    /** Stops coturn and deletes its state folder. */
    @Override
    public void close() {
        process.close();
        try (var files = Files.list(state)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(state);
        } catch (IOException e) {
            System.err.println("cannot delete " + state + ": " + e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for coturn", e);
        }
    }
}
