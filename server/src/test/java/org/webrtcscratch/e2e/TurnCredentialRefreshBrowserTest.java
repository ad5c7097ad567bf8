package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.allocation.Allocation;

/**
 * TURN credentials live minutes, calls hours: the page asks for fresh ones before they expire and gives them to
 * its peer connections, so an ICE restart after the first credentials have expired still gathers relay
 * candidates. Credentials that live 12 s here stand for the 10 minutes of the default.
 */
@Tag("browser")
class TurnCredentialRefreshBrowserTest {

    private static final Duration TTL = Duration.ofSeconds(12);

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnSettings.onLoopback()
            .withConfig(TurnSettings.onLoopback().config().toBuilder().credentialTtl(TTL).maxCredentialLifetime(TTL)
                    .credentialRefreshInterval(Duration.ofSeconds(1)).build())));

    /** The TURN username the connection to {@code peerId} would gather with now, and how often ICE servers came. */
    private static final String TURN_STATE = """
            (peerId) => {
              const call = window.__scratch.call;
              const pc = call.peers.get(peerId)?.pc;
              const turn = pc?.getConfiguration().iceServers
                  .find((server) => [server.urls].flat().some((url) => url.startsWith('turn:')));
              return {username: turn?.username ?? null, refreshes: call.iceServerRefreshes,
                      now: Math.floor(Date.now() / 1000), state: pc?.connectionState ?? null};
            }""";

    /** The local candidate of the selected pair to {@code peerId}: its type and its relayed port. */
    private static final String LOCAL_CANDIDATE = """
            async (peerId) => {
              const pc = window.__scratch.call.peers.get(peerId)?.pc;
              if (!pc || pc.connectionState !== 'connected') return null;
              const report = await pc.getStats();
              for (const stats of report.values()) {
                if (stats.type !== 'transport' || !stats.selectedCandidatePairId) continue;
                const local = report.get(report.get(stats.selectedCandidatePairId).localCandidateId);
                return {type: local.candidateType, port: local.port};
              }
              return null;
            }""";

    @Test
    void anIceRestartAfterTheFirstCredentialsExpiredStillRelays() {
        String useUdp = "window.__turnTransport = 'udp';";
        String relayOnly = BrowserHarness.script("relay-only.js");
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", useUdp, relayOnly);
        Participant bob = harness.join(room, "Bob", useUdp, relayOnly);
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        String first = (String) turnState(alice, bob).get("username");
        Map<String, Object> firstPair = localCandidate(alice, bob);
        assertThat(firstPair).containsEntry("type", "relay");

        long firstExpiry = expiryOf(first);
        // Fresh credentials arrived, and the first ones have expired: TURN would refuse them for a new allocation.
        alice.waitUntil("([peerId, expiry]) => (" + TURN_STATE + ")(peerId).refreshes >= 1"
                + " && (" + TURN_STATE + ")(peerId).now > Number(expiry) + 1", List.of(bob.peerId(), Long.toString(firstExpiry)),
                "() => JSON.stringify((" + TURN_STATE + ")('" + bob.peerId() + "'))");
        String fresh = (String) turnState(alice, bob).get("username");
        assertThat(expiryOf(fresh)).as("the refreshed credential").isGreaterThan(firstExpiry);

        alice.evaluate("(peerId) => window.__scratch.call.peers.get(peerId).restartIce()", bob.peerId());
        // The restart gathered with the fresh credential: an allocation under it, and the call on a relay again.
        await().atMost(Duration.ofMillis((long) BrowserHarness.TIMEOUT_MS)).untilAsserted(() ->
                assertThat(harness.server().turn().orElseThrow().allocations()).extracting(Allocation::username)
                        .contains(fresh));
        alice.waitUntil("async ([peerId, port]) => { const c = await (" + LOCAL_CANDIDATE + ")(peerId);"
                + " return c && c.type === 'relay' && c.port !== port; }", List.of(bob.peerId(), firstPair.get("port")));
        alice.sendChat("after the restart");
        bob.waitChatFrom(alice, "after the restart");
        bob.sendChat("still relayed");
        alice.waitChatFrom(bob, "still relayed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> turnState(Participant viewer, Participant other) {
        return (Map<String, Object>) viewer.evaluate(TURN_STATE, other.peerId());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> localCandidate(Participant viewer, Participant other) {
        viewer.waitUntil(LOCAL_CANDIDATE, other.peerId());
        return (Map<String, Object>) viewer.evaluate(LOCAL_CANDIDATE, other.peerId());
    }

    private static long expiryOf(String restUsername) {
        return Long.parseLong(restUsername.substring(0, restUsername.indexOf(':')));
    }
}
