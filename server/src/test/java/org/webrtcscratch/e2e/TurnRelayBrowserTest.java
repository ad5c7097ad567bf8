package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webrtcscratch.turn.TurnSettings;

/**
 * Chromium, the TURN client that matters most, calls through our TURN server: both pages are forced to
 * relay candidates ({@code relay-only.js}), with the ICE servers and credentials the signaling server
 * handed out in its welcome.
 */
@Tag("browser")
@Tag("interop")
class TurnRelayBrowserTest {

    /** Our STUN/TURN server on 127.0.0.1, a free port, relaying to loopback peers (the pages are on 127.0.0.1). */
    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnSettings.onLoopback()));

    /** The selected candidate pair of the connection to {@code peerId}, from getStats(), or null. */
    static final String SELECTED_PAIR = """
            async (peerId) => {
              const pc = window.__scratch.call.peers.get(peerId)?.pc;
              if (!pc || pc.connectionState !== 'connected') return null;
              const report = await pc.getStats();
              for (const stats of report.values()) {
                if (stats.type !== 'transport' || !stats.selectedCandidatePairId) continue;
                const pair = report.get(stats.selectedCandidatePairId);
                const local = report.get(pair.localCandidateId);
                const remote = report.get(pair.remoteCandidateId);
                const configuration = pc.getConfiguration();
                const turn = configuration.iceServers
                    .find((server) => [server.urls].flat().some((url) => /^turns?:/.test(url)));
                return {
                  policy: configuration.iceTransportPolicy, turnUsername: turn?.username ?? null,
                  localType: local.candidateType, localAddress: local.address, localPort: local.port,
                  relayProtocol: local.relayProtocol ?? null, url: local.url ?? null,
                  remoteType: remote.candidateType, remoteAddress: remote.address, remotePort: remote.port,
                };
              }
              return null;
            }""";

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void twoPagesCallEachOtherThroughOurTurnServer(String transport) {
        String useTransport = "window.__turnTransport = '" + transport + "';";
        String relayOnly = BrowserHarness.script("relay-only.js");
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", useTransport, relayOnly);
        Participant bob = harness.join(room, "Bob", useTransport, relayOnly);

        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.waitFramesDecodedFrom(bob);
        bob.waitFramesDecodedFrom(alice);
        alice.sendChat("relayed hello over " + transport);
        bob.waitChatFrom(alice, "relayed hello over " + transport);
        bob.sendChat("relayed answer");
        alice.waitChatFrom(bob, "relayed answer");

        int turnPort = harness.server().turn().orElseThrow().port();
        Map<String, Object> alicePair = selectedPair(alice, bob);
        Map<String, Object> bobPair = selectedPair(bob, alice);
        for (Map<String, Object> pair : List.of(alicePair, bobPair)) {
            assertThat(pair).as("selected pair %s", pair)
                    .containsEntry("policy", "relay")
                    .containsEntry("localType", "relay")
                    .containsEntry("remoteType", "relay")
                    .containsEntry("relayProtocol", transport)
                    .containsEntry("localAddress", "127.0.0.1");
            assertThat((String) pair.get("turnUsername")).as("TURN REST API username expiry:user from the welcome")
                    .matches("\\d+:.+");
            assertThat((String) pair.get("url")).as("selected pair %s", pair)
                    .isEqualTo("turn:127.0.0.1:" + turnPort + "?transport=" + transport);
        }
        // Each side sends to the address the other side's relay was given: the media crossed two allocations.
        assertThat(alicePair.get("remotePort")).isEqualTo(bobPair.get("localPort"));
        assertThat(bobPair.get("remotePort")).isEqualTo(alicePair.get("localPort"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> selectedPair(Participant viewer, Participant other) {
        viewer.waitUntil(SELECTED_PAIR, other.peerId());
        return (Map<String, Object>) viewer.evaluate(SELECTED_PAIR, other.peerId());
    }
}
