package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.turn.TurnSettings;

/**
 * TURN over TLS with the browser that matters most, as on a network that lets only TLS out: with
 * {@code --tls self-signed} and {@code --turn-tls-port}, both Chromium pages keep only the {@code turns:} URL of
 * their welcome and relay candidates only ({@code relay-only.js}). The call connects through relays over TLS
 * (getStats {@code relayProtocol} {@code tls}), video and chat pass.
 */
@Tag("browser")
@Tag("interop")
class TurnsRelayBrowserTest {

    /**
     * The server's certificate is self-signed. Chromium checks a {@code turns:} server's certificate with its own
     * network stack (a page's "proceed anyway" does not reach it), so the browser is started accepting any.
     */
    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config
            .withTls(new TlsOptions(TlsOptions.Mode.SELF_SIGNED, null, null, temporaryStateDir()))
            .withTurn(new TurnMode.Local(TurnSettings.onLoopback(), OptionalInt.of(0))),
            Stream.concat(Chromium.FLAGS.stream(), Stream.of("--ignore-certificate-errors")).toList());

    @Test
    void twoPagesCallEachOtherThroughOurTurnServerOverTlsOnly() {
        String tlsOnly = "window.__turnTransport = 'tls';";
        String relayOnly = BrowserHarness.script("relay-only.js");
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", tlsOnly, relayOnly);
        Participant bob = harness.join(room, "Bob", tlsOnly, relayOnly);

        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.waitFramesDecodedFrom(bob);
        bob.waitFramesDecodedFrom(alice);
        alice.sendChat("relayed over TLS");
        bob.waitChatFrom(alice, "relayed over TLS");

        int tlsPort = harness.server().turn().orElseThrow().tlsPort().orElseThrow();
        for (Map<String, Object> pair : List.of(TurnRelayBrowserTest.selectedPair(alice, bob),
                TurnRelayBrowserTest.selectedPair(bob, alice))) {
            assertThat(pair).as("selected pair %s", pair)
                    .containsEntry("policy", "relay")
                    .containsEntry("localType", "relay")
                    .containsEntry("remoteType", "relay")
                    .containsEntry("relayProtocol", "tls")
                    .containsEntry("url", "turns:127.0.0.1:" + tlsPort + "?transport=tcp");
        }
    }

    private static java.nio.file.Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("scratch-turns-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
