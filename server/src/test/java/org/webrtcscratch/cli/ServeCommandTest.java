package org.webrtcscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import picocli.CommandLine;

class ServeCommandTest {

    private static ServerConfig parse(String... args) {
        CommandLine commandLine = ScratchCommand.commandLine();
        CommandLine.ParseResult result = commandLine.parseArgs(prepend("serve", args));
        ServeCommand serve = (ServeCommand) result.subcommand().commandSpec().userObject();
        return serve.toConfig();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig config = parse();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.tls().mode()).isEqualTo(TlsOptions.Mode.OFF);
        assertThat(config.limits().roomCapacity()).isEqualTo(8);
        assertThat(config.limits().maxMessageBytes()).isEqualTo(65536);
        assertThat(config.limits().resumeWindow()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.iceServers()).isEmpty();
    }

    @Test
    void everyLimitIsAnOption() {
        ServerConfig config = parse("--port", "9000", "--host", "127.0.0.1", "--room-capacity", "4",
                "--max-message-size", "2048", "--rate-limit", "7.5", "--rate-burst", "9", "--rate-abuse", "250ms",
                "--ping-interval", "2s", "--idle-timeout", "1m", "--resume-window", "0", "--max-rooms", "3",
                "--max-connections", "5", "--ice-server", "stun:a.example:3478 turn:b.example:3478,u,p",
                "--tls", "self-signed");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.limits().roomCapacity()).isEqualTo(4);
        assertThat(config.limits().maxMessageBytes()).isEqualTo(2048);
        assertThat(config.limits().rateLimitPerSecond()).isEqualTo(7.5);
        assertThat(config.limits().rateBurst()).isEqualTo(9);
        assertThat(config.limits().rateAbuse()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.limits().pingInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.limits().resumeWindow()).isZero();
        assertThat(config.limits().maxRooms()).isEqualTo(3);
        assertThat(config.limits().maxConnections()).isEqualTo(5);
        assertThat(config.iceServers()).hasSize(2);
        assertThat(config.iceServers().get(1).username()).isEqualTo("u");
        assertThat(config.tls().mode()).isEqualTo(TlsOptions.Mode.SELF_SIGNED);
    }

    @Test
    void environmentVariablesSetDefaults() {
        // picocli resolves ${SCRATCH_PORT} from a system property before the environment: same lookup path.
        System.setProperty("SCRATCH_PORT", "9123");
        try {
            assertThat(parse().httpPort()).isEqualTo(9123);
            assertThat(parse("--port", "9000").httpPort()).isEqualTo(9000);
        } finally {
            System.clearProperty("SCRATCH_PORT");
        }
    }

    @Test
    void badValuesAreExplained() {
        StringWriter err = new StringWriter();
        int exit = ScratchCommand.commandLine().setErr(new PrintWriter(err))
                .execute("serve", "--idle-timeout", "soon");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("'soon' is not a duration");

        StringWriter err2 = new StringWriter();
        int exit2 = ScratchCommand.commandLine().setErr(new PrintWriter(err2))
                .execute("serve", "--room-capacity", "1", "--port", "0");
        assertThat(exit2).isNotZero();
        assertThat(err2.toString()).contains("room capacity must be at least 2");
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        ScratchCommand.commandLine().setOut(new PrintWriter(out)).execute("serve", "--help");
        assertThat(out.toString()).contains("--port", "--tls", "--room-capacity", "--rate-limit", "SCRATCH_PORT");
    }

    @Test
    void whoMayReachTheServerIsAnOption() throws Exception {
        java.nio.file.Path tokenFile = java.nio.file.Files.createTempFile("metrics", ".token");
        java.nio.file.Files.writeString(tokenFile, "0123456789abcdef0123\n");
        ServerConfig config = parse("--allowed-origin", "https://a.example.org", "--allowed-origin",
                "https://b.example.org", "--allowed-host", "call.example.org", "--metrics-token-file",
                tokenFile.toString(), "--max-connections-per-address", "12", "--header-timeout", "3s");
        assertThat(config.httpSecurity().allowedOrigins()).containsExactly("https://a.example.org", "https://b.example.org");
        assertThat(config.httpSecurity().allowedHosts()).containsExactly("call.example.org");
        assertThat(config.httpSecurity().metricsToken()).isEqualTo("0123456789abcdef0123");
        assertThat(config.httpSecurity().maxConnectionsPerAddress()).isEqualTo(12);
        assertThat(config.httpSecurity().headerTimeout()).isEqualTo(Duration.ofSeconds(3));
        ServerConfig defaults = parse();
        assertThat(defaults.httpSecurity().allowedOrigins()).isEmpty();
        assertThat(defaults.httpSecurity().maxConnectionsPerAddress()).isEqualTo(256);
        assertThat(defaults.httpSecurity().headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theBudgetsPerAddressAndInTotalAreOptions() {
        ServerConfig config = parse("--joins-per-minute-per-address", "30", "--max-queued-bytes-per-address",
                "2000000", "--max-queued-bytes", "50000000", "--address-limits-on-loopback");
        assertThat(config.limits().joinsPerMinutePerAddress()).isEqualTo(30);
        assertThat(config.limits().maxQueuedBytesPerAddress()).isEqualTo(2_000_000);
        assertThat(config.limits().effectiveMaxQueuedBytesTotal()).isEqualTo(50_000_000);
        assertThat(config.httpSecurity().addressLimitsOnLoopback()).isTrue();
        ServerConfig defaults = parse();
        assertThat(defaults.limits().joinsPerMinutePerAddress()).isEqualTo(120);
        assertThat(defaults.limits().maxQueuedBytesPerAddress()).isEqualTo(32L << 20);
        assertThat(defaults.limits().effectiveMaxQueuedBytesTotal()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        assertThat(defaults.httpSecurity().addressLimitsOnLoopback()).isFalse();
    }

    @Test
    void joinTokensAndPasswordAttemptsAreOptionsWithTheSecretFromAFile() throws Exception {
        java.nio.file.Path secretFile = java.nio.file.Files.createTempFile("join", ".secret");
        java.nio.file.Files.writeString(secretFile, "a join token secret of 32 bytes or more\n");
        ServerConfig config = parse("--join-token-secret-file", secretFile.toString(), "--require-join-token",
                "--password-attempts-per-minute-per-address", "4");
        assertThat(config.roomAccess().joinTokenSecret()).isEqualTo("a join token secret of 32 bytes or more");
        assertThat(config.roomAccess().joinTokenRequired()).isTrue();
        assertThat(config.roomAccess().passwordAttemptsPerMinutePerAddress()).isEqualTo(4);
        assertThat(config.roomAccess().toString()).doesNotContain("32 bytes");
        ServerConfig defaults = parse();
        assertThat(defaults.roomAccess().joinTokenSecret()).isNull();
        assertThat(defaults.roomAccess().joinTokenRequired()).isFalse();
        assertThat(defaults.roomAccess().passwordAttemptsPerMinutePerAddress()).isEqualTo(10);

        StringWriter err = new StringWriter();
        int exit = ScratchCommand.commandLine().setErr(new PrintWriter(err))
                .execute("serve", "--require-join-token", "--port", "0");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("requiring join tokens needs a join token secret");
        StringWriter err2 = new StringWriter();
        int exit2 = ScratchCommand.commandLine().setErr(new PrintWriter(err2))
                .execute("serve", "--join-token-secret", "short", "--port", "0");
        assertThat(exit2).isNotZero();
        assertThat(err2.toString()).contains("at least 32 bytes");
    }
}
