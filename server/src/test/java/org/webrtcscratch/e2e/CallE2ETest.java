package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls through the real server between real headless Chromium pages. */
@Tag("browser")
class CallE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void twoParticipantsSeeEachOtherAndChatBothWays() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");

        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.waitFramesDecodedFrom(bob);
        bob.waitFramesDecodedFrom(alice);

        alice.sendChat("hello Bob");
        bob.waitChatFrom(alice, "hello Bob");
        bob.sendChat("hi Alice");
        alice.waitChatFrom(bob, "hi Alice");
        assertThat(alice.remoteTiles()).containsExactly(bob.peerId());
        assertThat(bob.remoteTiles()).containsExactly(alice.peerId());
    }

    @Test
    void threeParticipantsConnectEveryPair() {
        String room = BrowserHarness.newRoom();
        List<Participant> people = List.of(
                harness.join(room, "Ann"), harness.join(room, "Ben"), harness.join(room, "Cleo"));

        for (Participant viewer : people) {
            for (Participant other : people) {
                if (viewer != other) {
                    viewer.waitConnectedTo(other);
                    viewer.waitFramesDecodedFrom(other);
                }
            }
            assertThat(viewer.remoteTiles()).hasSize(2);
        }
    }

    @Test
    void lateJoinerAppearsAndLeaversDisappearFromEveryGrid() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);

        Participant carol = harness.join(room, "Carol");
        alice.waitConnectedTo(carol);
        bob.waitConnectedTo(carol);
        carol.waitConnectedTo(alice);
        carol.waitConnectedTo(bob);

        String bobId = bob.peerId();
        bob.clickLeave();
        alice.waitNoTile(bobId);
        carol.waitNoTile(bobId);
        assertThat(alice.remoteTiles()).containsExactly(carol.peerId());
        assertThat(carol.remoteTiles()).containsExactly(alice.peerId());

        // Closing the tab is leaving too: the page says so on pagehide, so nobody waits for a timeout.
        String carolId = carol.peerId();
        carol.page().close(new com.microsoft.playwright.Page.CloseOptions().setRunBeforeUnload(true));
        alice.waitNoTile(carolId);
        assertThat(alice.remoteTiles()).isEmpty();
    }

    @Test
    void participantWithoutCameraJoinsReceivesAndChatsAndIsToldWhy() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob", BrowserHarness.script("deny-media.js"));

        bob.waitConnectedTo(alice);
        alice.waitConnectedTo(bob);
        bob.waitFramesDecodedFrom(alice);
        assertThat(bob.page().getByTestId("media-problem").textContent()).contains("blocked");
        assertThat(bob.page().getByTestId("media-problem").isVisible()).isTrue();
        assertThat(bob.page().getByTestId("camera").isDisabled()).isTrue();
        assertThat(alice.tile(bob.peerId()).getAttribute("class")).contains("no-video");

        bob.sendChat("no camera here");
        alice.waitChatFrom(bob, "no camera here");
        alice.sendChat("I can hear you anyway");
        bob.waitChatFrom(alice, "I can hear you anyway");
    }
}
