package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signaling server restarts mid-call (same port, same resume secret): the call carries on peer to peer
 * while it is away, the page says so, and when it is back everyone keeps their peer id, tile and peer
 * connection (signed resume tokens, docs/protocol.md "A server restart").
 */
@Tag("browser")
class ServerRestartE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(
            config -> config.withResumeSecret("the resume secret of ServerRestartE2ETest, 32+ bytes"));

    /** Marks the tile and the peer connection of {@code id}, to tell later that they are the very same. */
    private static final String MARK = """
            id => { document.querySelector(`.tile[data-peer-id="${id}"]`).dataset.marked = 'yes';
                    window.__markedPc = window.__scratch.call.peers.get(id).pc; }""";
    private static final String SAME_PC = "id => window.__scratch.call.peers.get(id)?.pc === window.__markedPc";

    @Test
    void aRestartKeepsPeerIdsTilesAndPeerConnectionsAndTheMediaFlows() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitFramesDecodedFrom(bob);
        bob.waitFramesDecodedFrom(alice);
        String aliceId = alice.peerId();
        String bobId = bob.peerId();
        alice.evaluate(MARK, bobId);
        bob.evaluate(MARK, aliceId);

        harness.stopServer();
        alice.page().getByTestId("reconnect-banner").waitFor();
        assertThat(alice.page().getByTestId("reconnect-banner").textContent()).contains("peer to peer");
        alice.screenshot("server-away.png");
        // Media goes on without the server.
        double framesWhileAway = frames(alice, bobId);
        alice.waitUntil("([id, n]) => window.__scratch.framesDecoded(id).then(f => f > n)", List.of(bobId, framesWhileAway));
        harness.startServerAgain();

        for (Participant p : new Participant[] {alice, bob}) {
            p.waitSignalingState("open");
            p.page().getByTestId("reconnect-banner").waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.HIDDEN));
        }
        assertThat(alice.peerId()).isEqualTo(aliceId);
        assertThat(bob.peerId()).isEqualTo(bobId);
        assertThat(alice.tile(bobId).getAttribute("data-marked")).isEqualTo("yes");
        assertThat(bob.tile(aliceId).getAttribute("data-marked")).isEqualTo("yes");
        assertThat(alice.evaluate(SAME_PC, bobId)).isEqualTo(true);
        assertThat(bob.evaluate(SAME_PC, aliceId)).isEqualTo(true);
        alice.waitConnectedTo(bob);
        double framesAfter = frames(alice, bobId);
        alice.waitUntil("([id, n]) => window.__scratch.framesDecoded(id).then(f => f > n)", List.of(bobId, framesAfter));

        // Signaling relays between the two again: an ICE restart's offer and answer go through it.
        String ufrag = "id => window.__scratch.call.peers.get(id).pc.remoteDescription.sdp.match(/a=ice-ufrag:(\\S+)/)[1]";
        Object before = alice.evaluate(ufrag, bobId);
        alice.evaluate("id => window.__scratch.call.peers.get(id).restartIce()", bobId);
        alice.waitUntil("([id, old]) => (" + ufrag + ")(id) !== old", List.of(bobId, before));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        assertThat(alice.evaluate(SAME_PC, bobId)).isEqualTo(true);
    }

    private static double frames(Participant viewer, String peerId) {
        return ((Number) viewer.evaluate("id => window.__scratch.framesDecoded(id)", peerId)).doubleValue();
    }
}
