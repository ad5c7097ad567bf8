package org.webrtcscratch.bench.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts each kind of server the benchmarks compare, on free loopback ports (every port of each). */
public final class Servers {

    private Servers() { }

    /**
     * Our server as a user runs it, through the launcher ({@code ./scratch serve}), so that it runs with the
     * launcher's JVM options; {@code jvmOptions} go after them in {@code SCRATCH_JAVA_OPTS}, and the launcher
     * uses the JDK running the bench.
     */
    public static ServerProcess ours(BenchEnvironment env, List<String> serveOptions, List<String> jvmOptions) {
        env.require(env.serverJar(), "build it with ./mvnw -q -B -DskipTests -pl server -am package (bench/run.sh does)");
        for (String option : jvmOptions) {
            if (option.isBlank() || option.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("JVM option '" + option + "' for our server: the launcher splits"
                        + " SCRATCH_JAVA_OPTS on spaces, so an option cannot contain one");
            }
        }
        int port = FreePorts.tcpAndUdp();
        List<String> command = new ArrayList<>(List.of(env.launcher().toString(), "serve", "--host", "127.0.0.1",
                "--port", Integer.toString(port)));
        command.addAll(serveOptions);
        if (!serveOptions.contains("--turn-port") && oursHasTurn(env)) {
            // Its STUN/TURN listener on a free port too: the default 3478 may be taken by another server here.
            command.addAll(List.of("--turn-port", Integer.toString(FreePorts.tcpAndUdp())));
        }
        String javaOptions = (System.getenv().getOrDefault("SCRATCH_JAVA_OPTS", "") + " " + String.join(" ", jvmOptions)).strip();
        return ServerProcess.start("ours", port, command, Map.of("JAVA_HOME", env.javaHome().toString(),
                "SCRATCH_JAVA_OPTS", javaOptions, "SCRATCH_NO_BUILD", "1"), env.logDir(), () -> FreePorts.acceptsTcp(port));
    }

    /** PeerJS server from the npm package {@code peer}, with its connection limit raised to {@code maxClients}. */
    public static ServerProcess peerJs(BenchEnvironment env, int maxClients) {
        env.require(env.peerJsBin(), "install it with bench/run.sh (npm install peer into bench/.work)");
        int port = FreePorts.tcpAndUdp();
        List<String> command = List.of("node", env.peerJsBin().toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--concurrent_limit", Integer.toString(maxClients));
        return ServerProcess.start("peerjs", port, command, env.logDir(), () -> FreePorts.acceptsTcp(port));
    }

    /** The TURN user every bench TURN server knows. */
    public static final String TURN_USER = "bench";
    public static final String TURN_PASSWORD = "benchpass";

    /**
     * Debian's coturn ({@code turnserver}) on a free UDP port, long-term credentials, relays on 127.0.0.1 in a
     * private range of ports, loopback peers allowed (the echo peer lives on 127.0.0.1), no TLS, DTLS or CLI.
     */
    public static ServerProcess coturn(BenchEnvironment env) {
        int port = FreePorts.tcpAndUdp();
        int relayBase = 20_000 + (port % 9) * 1_000;
        List<String> command = List.of("turnserver", "-n", "--no-cli", "--no-tls", "--no-dtls",
                "--listening-ip", "127.0.0.1", "--listening-port", Integer.toString(port), "--relay-ip", "127.0.0.1",
                "--min-port", Integer.toString(relayBase), "--max-port", Integer.toString(relayBase + 999),
                "--lt-cred-mech", "--user", TURN_USER + ":" + TURN_PASSWORD, "--realm", "bench.local",
                "--allow-loopback-peers", "--userdb", env.workDir().resolve("turndb-" + port).toString(),
                "--pidfile", env.workDir().resolve("turnserver-" + port + ".pid").toString(),
                "--log-file", "stdout", "--simple-log");
        return ServerProcess.start("coturn", port, command, env.logDir(), () -> FreePorts.answersUdp(port));
    }

    /** Our server with its STUN/TURN listener ({@code serve --turn-port}), when the jar has one. */
    public static ServerProcess oursTurn(BenchEnvironment env, List<String> jvmOptions) {
        int turnPort = FreePorts.tcpAndUdp();
        ServerProcess server = ours(env, List.of("--turn-port", Integer.toString(turnPort),
                "--turn-user", TURN_USER + ":" + TURN_PASSWORD, "--turn-allow-loopback-peers"), jvmOptions);
        return server.withPort(turnPort, () -> FreePorts.answersUdp(turnPort));
    }

    /** True when our jar's {@code serve} knows {@code --turn-port} (STUN/TURN merged). */
    public static boolean oursHasTurn(BenchEnvironment env) {
        if (!java.nio.file.Files.exists(env.serverJar())) {
            return false;
        }
        try {
            Process help = new ProcessBuilder(env.javaBin(), "-jar", env.serverJar().toString(), "serve", "--help")
                    .redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            help.waitFor();
            return text.contains("--turn-port");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The bench's own UDP echo ({@code udp-echo}) in a JVM of its own, so it is measured apart. */
    public static ServerProcess udpEcho(BenchEnvironment env) {
        int port = FreePorts.tcpAndUdp();
        List<String> command = List.of(env.javaBin(), "-cp", env.benchClasspath(), "org.webrtcscratch.bench.BenchMain",
                "udp-echo", "--port", Integer.toString(port));
        return ServerProcess.start("udp-echo", port, command, env.logDir(), () -> FreePorts.answersUdp(port));
    }
}
