package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A participant whose signaling connection drops. The socket is closed by the page's test hook
 * {@code __scratch.dropSignalingForTest()} (close code 4000, which the server treats as a network drop):
 * Playwright's {@code setOffline(true)} leaves an open WebSocket open in Chromium 156.
 */
@Tag("browser")
class ReconnectE2ETest {

    /** Short, so that the test of an expired resume window does not wait the default 15 s. */
    private static final Duration RESUME_WINDOW = Duration.ofSeconds(2);

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(
            config -> config.withLimits(config.limits().withResumeWindow(RESUME_WINDOW)));

    @Test
    void droppedSignalingResumesWithTheSamePeerIdAndTheCallGoesOn() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        String bobId = bob.peerId();
        // Marks Alice's tile of Bob, to tell later that it is the same element, never removed and re-added.
        alice.evaluate("id => { document.querySelector(`.tile[data-peer-id=\"${id}\"]`).dataset.marked = 'yes'; }", bobId);

        bob.evaluate("() => window.__scratch.dropSignalingForTest()");

        bob.waitUntil("() => window.__scratch.reconnects >= 1", null);
        bob.waitSignalingState("open");
        assertThat(bob.peerId()).isEqualTo(bobId);
        assertThat(alice.tile(bobId).getAttribute("data-marked")).isEqualTo("yes");
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        bob.sendChat("back again");
        alice.waitChatFrom(bob, "back again");
        alice.sendChat("welcome back");
        bob.waitChatFrom(alice, "welcome back");
        assertThat(bob.evaluate("() => window.__scratch.reconnects")).isEqualTo(1);
    }

    @Test
    void participantAwayLongerThanTheResumeWindowLeavesAndComesBackAsANewPeer() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);
        String oldBobId = bob.peerId();

        // Offline emulation does not close an open socket, but it does refuse new ones: Bob cannot come back.
        bob.context().setOffline(true);
        bob.evaluate("() => window.__scratch.dropSignalingForTest()");
        bob.waitSignalingState("reconnecting");
        alice.waitNoTile(oldBobId);

        bob.context().setOffline(false);
        bob.waitUntil("old => window.__scratch.call.localPeerId && window.__scratch.call.localPeerId !== old", oldBobId);
        String newBobId = bob.peerId();
        alice.waitForTile(newBobId, "connected");
        bob.waitConnectedTo(alice);
        assertThat(alice.remoteTiles()).containsExactly(newBobId);
        assertThat(bob.remoteTiles()).containsExactly(alice.peerId());
        bob.sendChat("new me");
        alice.waitChatFrom(bob, "new me");
    }
}
