package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Someone joins while another participant's signaling is down but inside the resume window. The newcomer
 * finds the absent one in its welcome and, as a newcomer, waits for that peer's first offer; the absent one
 * comes back with its token and finds the newcomer in its resumed welcome, so it is the one that must offer,
 * or the two would wait for each other for ever.
 */
@Tag("browser")
class JoinWhileAwayE2ETest {

    /** Long enough for a page to join while the other is away, whatever the reconnect backoff drew, on a loaded machine too. */
    private static final Duration RESUME_WINDOW = Duration.ofSeconds(90);

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(
            config -> config.withLimits(config.limits().withResumeWindow(RESUME_WINDOW)));

    @Test
    void newcomerAndAParticipantWhoWasAwayConnectOnceItResumes() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);
        String bobId = bob.peerId();

        // Offline emulation does not close an open socket, but it does refuse new ones: Bob stays away.
        bob.context().setOffline(true);
        bob.evaluate("() => window.__scratch.dropSignalingForTest()");
        bob.waitSignalingState("reconnecting");

        Participant carol = harness.join(room, "Carol");
        carol.waitConnectedTo(alice);
        carol.waitForTile(bobId, "new");

        bob.context().setOffline(false);
        bob.waitSignalingState("open");
        assertThat(bob.peerId()).isEqualTo(bobId);
        carol.waitConnectedTo(bob);
        bob.waitConnectedTo(carol);
        bob.waitFramesDecodedFrom(carol);
        carol.waitFramesDecodedFrom(bob);
        bob.sendChat("sorry, I was away");
        carol.waitChatFrom(bob, "sorry, I was away");
        carol.sendChat("welcome back");
        bob.waitChatFrom(carol, "welcome back");
    }
}
