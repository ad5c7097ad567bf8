package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joining and leaving many times in one tab must not leave peer connections, data channels, tracks or
 * sockets behind. The counting is done by an init script that wraps the browser's constructors
 * ({@code count-webrtc-objects.js}), not by the app's own bookkeeping.
 */
@Tag("browser")
class JoinLeaveLeakE2ETest {

    private static final int CYCLES = 30;
    private static final String NOTHING_LIVE_IN_PAGE = """
            () => {
              const live = window.__webrtcCounts().live;
              return live.peerConnections === 0 && live.dataChannels === 0 && live.localTracks === 0
                  && live.remoteTracks === 0 && live.webSockets === 0;
            }""";
    private static final String NO_PEER_LEFT = """
            () => {
              const live = window.__webrtcCounts().live;
              return live.peerConnections === 0 && live.dataChannels === 0 && live.remoteTracks === 0;
            }""";

    private static final String COUNTS = "() => JSON.stringify(window.__webrtcCounts())";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void thirtyJoinLeaveCyclesInOneTabLeaveNothingBehind() {
        String counter = BrowserHarness.script("count-webrtc-objects.js");
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", counter);
        Participant bob = harness.person("Bob", counter);

        bob.openCall(room);
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            if (cycle > 1) {
                bob.page().getByTestId("rejoin").click();
            }
            bob.waitConnectedTo(alice);
            alice.waitConnectedTo(bob);
            bob.waitUntil("() => window.__webrtcCounts().live.dataChannels === 1"
                    + " && window.__scratch.call.peers.values().next().value?.channel.readyState === 'open'", null);

            bob.clickLeave();
            bob.waitUntil(NOTHING_LIVE_IN_PAGE, null, COUNTS);
        }

        assertThat(counts(bob, "made")).containsEntry("peerConnections", CYCLES).containsEntry("dataChannels", CYCLES)
                .containsEntry("webSockets", CYCLES);
        assertThat(counts(bob, "made").get("remoteTracks")).isEqualTo(2 * CYCLES);
        assertThat(bob.evaluate("() => window.__scratch.counts()"))
                .isEqualTo(Map.of("peerConnections", 0, "dataChannels", 0, "remoteTracks", 0, "localTracks", 0));

        // The one who stayed made a connection per visit and kept none of them.
        alice.waitUntil(NO_PEER_LEFT, null, COUNTS);
        assertThat(counts(alice, "made")).containsEntry("peerConnections", CYCLES);
        assertThat(counts(alice, "live")).containsEntry("localTracks", 2).containsEntry("webSockets", 1);
        assertThat(alice.remoteTiles()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> counts(Participant participant, String which) {
        return (Map<String, Integer>) participant.evaluate("which => window.__webrtcCounts()[which]", which);
    }
}
