package org.webrtcscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.allocation.PortRange;
import org.webrtcscratch.turn.allocation.RelayIp;
import org.webrtcscratch.turn.auth.GuessLimits;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.policy.Cidr;
import org.webrtcscratch.turn.transport.TcpLimits;
import picocli.CommandLine;

/** The {@code --turn-*} options, on {@code serve} and on the standalone {@code turn} command. */
class TurnOptionsTest {

    private static Object parse(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult result = ScratchCommand.commandLine().parseArgs(all);
        return result.subcommand().commandSpec().userObject();
    }

    private static ServerConfig serve(String... args) {
        return ((ServeCommand) parse("serve", args)).toConfig();
    }

    private static TurnSettings local(String... args) {
        return ((TurnMode.Local) serve(args).turn()).settings();
    }

    private static TurnSettings turn(String... args) {
        return ((TurnCommand) parse("turn", args)).toSettings();
    }

    @Test
    void serveRunsTurnOnTheStandardPortWithSafeDefaults() {
        TurnSettings turn = local("--host", "127.0.0.1");
        assertThat(turn.port()).isEqualTo(3478);
        assertThat(turn.listenAddresses()).containsExactly(InetAddress.getLoopbackAddress());
        assertThat(turn.config().allocation().relayIps()).containsExactly(RelayIp.of(InetAddress.getLoopbackAddress()));
        assertThat(turn.config().realm()).isEqualTo("webrtc-scratch");
        assertThat(turn.config().allocation().relayPorts()).isEqualTo(new PortRange(61000, 65535));
        assertThat(turn.config().allocation().peerPolicy().allowLoopback()).isFalse();
        assertThat(turn.config().allocation().peerPolicy().allowPrivate()).isFalse();
        assertThat(turn.config().allocation().bandwidthCapBytesPerSecond()).isZero();
        assertThat(turn.users()).isEmpty();
        assertThat(turn.software()).isEmpty();
        assertThat(turn.externalIp()).isEmpty();
        assertThat(turn.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(turn.config().guessLimits()).isEqualTo(GuessLimits.DEFAULTS);
        assertThat(turn.config().tcp()).isEqualTo(TcpLimits.DEFAULTS);
        assertThat(turn.config().allocation().maxAllocationsPerSource()).isEqualTo(500);
    }

    @Test
    void turnOverTlsIsOnPort5349UnlessMovedOrTurnedOff() {
        assertThat(((TurnMode.Local) serve().turn()).tlsPort()).hasValue(5349);
        assertThat(((TurnMode.Local) serve("--turn-tls-port", "443").turn()).tlsPort()).hasValue(443);
        assertThat(((TurnMode.Local) serve("--turn-tls-port", "0").turn()).tlsPort()).isEmpty();
        assertThatThrownBy(() -> serve("--turn-tls-port", "70000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--turn-tls-port");
    }

    @Test
    void credentialsLiveTenMinutesAndTheServerAcceptsNoneThatLiveLongerThanADayOrTheirTtl() {
        assertThat(local().config().credentialTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(local().config().maxCredentialLifetime()).isEqualTo(Duration.ofHours(24).plusMinutes(5));
        assertThat(local().config().credentialRefreshInterval()).isEqualTo(Duration.ofSeconds(10));
        // A ttl given before the maximum existed keeps working: the maximum grows with it.
        assertThat(local("--turn-credential-ttl", "48h").config().maxCredentialLifetime()).isEqualTo(Duration.ofHours(48));
        TurnSettings set = local("--turn-max-credential-lifetime", "20m", "--turn-credential-refresh-interval", "30s");
        assertThat(set.config().maxCredentialLifetime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(set.config().credentialRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> local("--turn-credential-ttl", "2h", "--turn-max-credential-lifetime", "1h"))
                .hasMessageContaining("maxCredentialLifetime");
    }

    @Test
    void turnPortZeroTurnsStunAndTurnOff() {
        assertThat(serve("--turn-port", "0").turn()).isEqualTo(TurnMode.OFF);
    }

    @Test
    void everyTurnSettingIsAnOption() throws Exception {
        TurnSettings turn = local("--host", "127.0.0.1", "--turn-port", "3479", "--turn-realm", "example.org",
                "--turn-secret", "s3cret", "--turn-user", "alice:one", "--turn-user", "bob:two:three",
                "--turn-relay-ports", "50000-50100", "--turn-external-ip", "203.0.113.5",
                "--turn-allow-loopback-peers", "--turn-allow-private-peers", "--turn-bandwidth", "125000",
                "--turn-max-allocations", "10", "--turn-user-quota", "2", "--turn-credential-ttl", "1h",
                "--turn-software", "scratch", "--turn-threads", "3", "--turn-auth-failures", "4",
                "--turn-auth-lockout", "2s", "--turn-auth-max-lockout", "1h", "--turn-auth-max-user-lockout", "30s",
                "--turn-allocations-per-address", "7", "--turn-tcp-idle-timeout", "5s",
                "--turn-tcp-connections-per-address", "9", "--turn-tcp-output-budget", "100000",
                "--turn-tcp-total-output-budget", "1000000", "--turn-denied-peer", "198.51.100.0/24",
                "--turn-denied-peer", "2001:db8::/32", "--turn-allowed-peer", "10.1.2.3");
        assertThat(turn.port()).isEqualTo(3479);
        assertThat(turn.config().realm()).isEqualTo("example.org");
        assertThat(turn.secret().passwordFor("1:x")).isEqualTo(RestApiSecret.of("s3cret").passwordFor("1:x"));
        assertThat(turn.users()).containsExactly("alice:one", "bob:two:three");
        assertThat(turn.config().allocation().relayPorts()).isEqualTo(new PortRange(50000, 50100));
        assertThat(turn.externalIp()).contains(InetAddress.getByName("203.0.113.5"));
        assertThat(turn.config().allocation().relayIps()).containsExactly(
                new RelayIp(InetAddress.getLoopbackAddress(), InetAddress.getByName("203.0.113.5")));
        assertThat(turn.config().allocation().peerPolicy().allowLoopback()).isTrue();
        assertThat(turn.config().allocation().peerPolicy().allowPrivate()).isTrue();
        assertThat(turn.config().allocation().bandwidthCapBytesPerSecond()).isEqualTo(125000);
        assertThat(turn.config().allocation().maxAllocations()).isEqualTo(10);
        assertThat(turn.config().allocation().maxAllocationsPerUser()).isEqualTo(2);
        assertThat(turn.config().credentialTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(turn.software()).contains("scratch");
        assertThat(turn.threads()).isEqualTo(3);
        assertThat(turn.config().guessLimits()).isEqualTo(new GuessLimits(4, Duration.ofSeconds(2), Duration.ofHours(1),
                Duration.ofSeconds(30), GuessLimits.DEFAULTS.trackedKeys()));
        assertThat(turn.config().allocation().maxAllocationsPerSource()).isEqualTo(7);
        assertThat(turn.config().tcp()).isEqualTo(new TcpLimits(Duration.ofSeconds(5), 9, 100_000, 1_000_000));
        assertThat(turn.config().allocation().peerPolicy().denied())
                .containsExactly(Cidr.parse("198.51.100.0/24"), Cidr.parse("2001:db8::/32"));
        assertThat(turn.config().allocation().peerPolicy().allowed()).containsExactly(Cidr.parse("10.1.2.3/32"));
    }

    @Test
    void secretsComeFromFilesSoThatNoProcessListShowsThem(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
        Path users = Files.writeString(dir.resolve("users"), "# fixed users\nalice:one\n\nbob:two:three\n");
        TurnSettings turn = local("--turn-secret-file", secret.toString(), "--turn-users-file", users.toString(),
                "--turn-user", "carol:four");
        assertThat(turn.secret().passwordFor("1:x")).isEqualTo(RestApiSecret.of("s3cret").passwordFor("1:x"));
        assertThat(turn.users()).containsExactly("carol:four", "alice:one", "bob:two:three");
        assertThat(((TurnMode.Remote) serve("--turn-remote", "turn.example.org", "--turn-secret-file",
                secret.toString()).turn()).secret().passwordFor("1:x"))
                .isEqualTo(RestApiSecret.of("s3cret").passwordFor("1:x"));
    }

    @Test
    void aSecretFileThatIsMissingEmptyOrDoubledIsRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> local("--turn-secret-file", empty.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> local("--turn-secret-file", dir.resolve("missing").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> local("--turn-secret", "a", "--turn-secret-file", empty.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void aPeerListEntryThatIsNoCidrIsNamed() {
        assertThatThrownBy(() -> local("--turn-denied-peer", "example.org/8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--turn-denied-peer 'example.org/8'");
    }

    @Test
    void theTurnCommandTakesTheSameOptions() throws Exception {
        TurnSettings turn = turn("--host", "127.0.0.1", "--turn-secret", "s3cret", "--turn-relay-ip", "127.0.0.1",
                "--turn-port", "5349");
        assertThat(turn.port()).isEqualTo(5349);
        assertThat(turn.config().allocation().relayIps()).containsExactly(RelayIp.of(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aWildcardHostRelaysFromARealAddressOfThisMachine() {
        TurnSettings turn = local("--host", "0.0.0.0");
        assertThat(turn.listenAddresses()).allMatch(InetAddress::isAnyLocalAddress);
        assertThat(turn.config().allocation().relayIps()).isNotEmpty().noneMatch(ip -> ip.bind().isAnyLocalAddress());
    }

    @Test
    void environmentVariablesSetTurnDefaults() {
        System.setProperty("SCRATCH_TURN_PORT", "0");
        try {
            assertThat(serve().turn()).isEqualTo(TurnMode.OFF);
            assertThat(serve("--turn-port", "3478").turn()).isInstanceOf(TurnMode.Local.class);
        } finally {
            System.clearProperty("SCRATCH_TURN_PORT");
        }
    }

    @Test
    void aRemoteTurnMachineReplacesOurOwn() {
        TurnMode.Remote remote = (TurnMode.Remote) serve("--turn-remote", "turn.example.org", "--turn-secret", "s3cret",
                "--turn-credential-ttl", "2h").turn();
        assertThat(remote.host()).isEqualTo("turn.example.org");
        assertThat(remote.port()).isEqualTo(3478);
        assertThat(remote.credentialTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(remote.secret().passwordFor("u")).isEqualTo(RestApiSecret.of("s3cret").passwordFor("u"));
        assertThat(((TurnMode.Remote) serve("--turn-remote", "203.0.113.7:5000", "--turn-secret", "s").turn()).port())
                .isEqualTo(5000);
        TurnMode.Remote v6 = (TurnMode.Remote) serve("--turn-remote", "[2001:db8::7]:5000", "--turn-secret", "s").turn();
        assertThat(v6.host()).isEqualTo("2001:db8::7");
        assertThat(v6.port()).isEqualTo(5000);
        assertThat(((TurnMode.Remote) serve("--turn-remote", "2001:db8::7", "--turn-secret", "s").turn()).host())
                .isEqualTo("2001:db8::7");
    }

    @Test
    void badTurnValuesAreExplained() {
        assertThat(run("serve", "--port", "0", "--turn-relay-ports", "61000")).contains("must be FROM-TO");
        assertThat(run("serve", "--port", "0", "--turn-user", "nopassword")).contains("must be NAME:PASS");
        assertThat(run("serve", "--port", "0", "--turn-relay-ports", "70000-70001")).contains("1-65535");
        assertThat(run("turn", "--turn-port", "0")).contains("nothing to do");
        assertThat(run("serve", "--port", "0", "--turn-remote", "turn.example.org")).contains("needs --turn-secret");
        assertThat(run("serve", "--port", "0", "--turn-remote", "turn.example.org:x", "--turn-secret", "s"))
                .contains("HOST or HOST:PORT");
    }

    @Test
    void helpListsTheTurnOptions() {
        StringWriter out = new StringWriter();
        ScratchCommand.commandLine().setOut(new PrintWriter(out)).execute("turn", "--help");
        assertThat(out.toString()).contains("--host", "--turn-port", "--turn-secret", "--turn-external-ip",
                "SCRATCH_TURN_PORT");
    }

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        int exit = ScratchCommand.commandLine().setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).isNotZero();
        return err.toString();
    }
}
