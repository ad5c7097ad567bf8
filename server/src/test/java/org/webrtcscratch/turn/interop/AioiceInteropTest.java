package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * aioice, the ICE library of Python's aiortc, allocates on our server and relays through it over UDP and
 * TCP; the script it runs is {@code interop/aioice_turn.py} in the test resources.
 */
@Tag("interop")
class AioiceInteropTest {

    /** Debian's python3-aioice installs for the system Python; {@code SCRATCH_PYTHON} points elsewhere. */
    private static final ExternalProgram PYTHON = new ExternalProgram(
            Path.of(System.getenv().getOrDefault("SCRATCH_PYTHON", "/usr/bin/python3")),
            "apt-get install python3-aioice");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGES = 25;

    private static InteropTurnServer server;
    private static Path script;

    @BeforeAll
    static void start() throws IOException {
        PYTHON.requireInstalled();
        ProgramRun importAioice = PYTHON.run(TIMEOUT, List.of("-c", "import aioice.turn"));
        if (importAioice.exitCode() != 0) {
            ExternalProgram.skipOrFail(PYTHON.executable() + " cannot import aioice (apt-get install python3-aioice): "
                    + importAioice.output().strip());
        }
        script = copyScript();
        server = InteropTurnServer.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (script != null) {
            Files.deleteIfExists(script);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void relaysThroughAChannelWithAStaticUser(String transport) {
        AioiceReport report = relay(transport, server.staticCredentialsPort(),
                new Credentials(InteropTurnServer.USER, InteropTurnServer.PASSWORD));

        assertThat(report.first("realm")).hasValue(InteropTurnServer.REALM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void relaysThroughAChannelWithRestCredentials(String transport) {
        relay(transport, server.restCredentialsPort(), InteropTurnServer.restCredentials("aioice"));
    }

    @Test
    void aWrongPasswordGets401() {
        ProgramRun run = runScript("udp", server.staticCredentialsPort(),
                new Credentials(InteropTurnServer.USER, "not-the-password"));
        String why = run.describe() + "\n" + server.status();

        AioiceReport report = AioiceReport.parse(run.output());
        assertThat(run.exitCode()).as(why).isEqualTo(2);
        assertThat(report.first("error")).as(why).hasValueSatisfying(e -> assertThat(e).startsWith("401 "));
        assertThat(report.first("relayed")).as(why).isEmpty();
    }

    @Test
    void expiredRestCredentialsGet401() {
        Credentials expired = Credentials.rest("aioice", InteropTurnServer.REST_SECRET, Duration.ofMinutes(-1));

        ProgramRun run = runScript("tcp", server.restCredentialsPort(), expired);

        String why = run.describe() + "\n" + server.status();

        assertThat(run.exitCode()).as(why).isEqualTo(2);
        assertThat(AioiceReport.parse(run.output()).first("error")).as(why)
                .hasValueSatisfying(e -> assertThat(e).startsWith("401 "));
    }

    /** Runs the script, checks that every datagram came back through the relay, and returns its report. */
    private static AioiceReport relay(String transport, int port, Credentials credentials) {
        ProgramRun run = runScript(transport, port, credentials);
        String why = run.describe() + "\n" + server.status();

        AioiceReport report = AioiceReport.parse(run.output());
        assertThat(run.exitCode()).as(why).isZero();
        assertThat(report.first("relayed")).as(why).hasValueSatisfying(relayed ->
                assertThat(relayed).startsWith("127.0.0.1:"));
        assertThat(report.all("peer-saw")).as("the peer sees only the relayed address\n" + why)
                .containsExactlyElementsOf(report.all("relayed"));
        assertThat(report.first("sent")).as(why).hasValue(Integer.toString(MESSAGES));
        assertThat(report.first("echoed")).as(why).hasValue(Integer.toString(MESSAGES));
        assertThat(report.first("deleted")).as(why).hasValue("yes");
        assertThat(report.first("result")).as(why).hasValue("ok");
        return report;
    }

    private static ProgramRun runScript(String transport, int port, Credentials credentials) {
        return PYTHON.run(TIMEOUT, List.of(script.toString(), "--server", "127.0.0.1:" + port,
                "--transport", transport, "--username", credentials.username(),
                "--password", credentials.password(), "--messages", Integer.toString(MESSAGES)));
    }

    /** The script as a file Python can open, wherever the test resources are (a folder or a jar). */
    private static Path copyScript() {
        try (InputStream in = AioiceInteropTest.class.getResourceAsStream("/interop/aioice_turn.py")) {
            if (in == null) {
                throw new IllegalStateException("no test resource /interop/aioice_turn.py");
            }
            Path copy = Files.createTempFile("aioice_turn-", ".py");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the aioice script", e);
        }
    }
}
