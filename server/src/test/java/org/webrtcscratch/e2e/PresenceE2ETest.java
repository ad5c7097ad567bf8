package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presence between real pages: mute and camera-off on the other side's tile, who is speaking (from the
 * fake microphone's beeps), the participant list, join and leave notices, names from signaling.
 */
@Tag("browser")
class PresenceE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void muteCameraOffAndSpeakingShowOnTheOtherSide() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        bob.waitConnectedTo(alice);
        String aliceTile = ".tile[data-peer-id=\"" + alice.peerId() + "\"]";

        // The fake microphone beeps: Bob sees Alice speaking, then not while she is muted, then again.
        waitFor(bob, aliceTile + "[data-speaking=\"true\"]");
        alice.page().getByTestId("mute").click();
        waitFor(bob, aliceTile + "[data-muted=\"true\"][data-speaking=\"false\"]");
        assertThat(bob.page().locator(aliceTile + " [data-testid=\"tile-presence\"]").textContent()).contains("muted");
        alice.page().getByTestId("mute").click();
        waitFor(bob, aliceTile + "[data-muted=\"false\"][data-speaking=\"true\"]");

        alice.page().getByTestId("camera").click();
        waitFor(bob, aliceTile + "[data-camera-off=\"true\"]");
        assertThat(bob.page().locator(aliceTile + " .avatar").isVisible()).isTrue();
        assertThat(bob.page().locator(aliceTile + " [data-testid=\"tile-presence\"]").textContent()).contains("camera off");
        bob.page().getByTestId("people-toggle").click();
        assertThat(bob.page().getByTestId("people-count").textContent()).isEqualTo("2");
        Locator list = bob.page().getByTestId("people-list");
        assertThat(list.locator("[data-testid=\"person\"][data-local]").textContent()).contains("Bob (you)");
        assertThat(list.locator("[data-testid=\"person\"][data-peer-id=\"" + alice.peerId() + "\"]").textContent())
                .contains("Alice", "camera off");
        bob.screenshot("presence.png");

        alice.page().getByTestId("camera").click();
        waitFor(bob, aliceTile + "[data-camera-off=\"false\"]");

        // On loopback the connection is good, and the tooltip says why.
        waitFor(bob, aliceTile + "[data-quality=\"good\"]");
        Locator quality = bob.page().locator(aliceTile + " [data-testid=\"tile-quality\"]");
        assertThat(quality.textContent()).isEqualTo("good connection");
        // The first sample knows only the round trip; loss and bitrate need a second one, a second later.
        bob.waitUntil("(tile) => document.querySelector(tile + ' [data-testid=\"tile-quality\"]').title.includes('kbit/s')",
                aliceTile);
        assertThat(quality.getAttribute("title")).startsWith("Good connection: round trip").contains("packets lost", "kbit/s");
    }

    @Test
    void joinsAndLeavesAreAnnouncedInTheCallAndTheChatWithNamesFromSignaling() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);

        alice.page().locator("[data-testid=\"call-notice\"]:has-text(\"Bob joined\")").waitFor(attached());
        alice.page().locator("[data-testid=\"chat-notice\"]:has-text(\"Bob joined\")").waitFor(attached());
        // Bob found Alice there: no notice of her joining.
        assertThat(bob.page().locator("[data-testid=\"chat-notice\"]").count()).isZero();

        // A chat frame claiming another name is shown under the name signaling gave its sender.
        bob.waitUntil("() => [...window.__scratch.call.peers.values()].every(p => p.channel.readyState === 'open')", null);
        bob.evaluate("() => window.__scratch.call.broadcast(JSON.stringify({text: 'who am I \\u202Eevil', name: 'Alice (host)', sentAt: Date.now()}))");
        alice.waitChatFrom(bob, "who am I");
        assertThat(alice.page().locator("[data-testid=\"chat-message\"]:has-text(\"who am I\") .chat-name").textContent())
                .isEqualTo("Bob");
        // Its bidi override is gone: it cannot turn the lines after it around.
        assertThat(alice.page().locator("[data-testid=\"chat-message\"]:has-text(\"who am I\") .chat-text").textContent())
                .isEqualTo("who am I evil");

        bob.clickLeave();
        alice.page().locator("[data-testid=\"chat-notice\"]:has-text(\"Bob left\")").waitFor(attached());
        alice.page().locator("[data-testid=\"call-notice\"]:has-text(\"Bob left\")").waitFor(attached());
        assertThat(alice.page().getByTestId("people-count").textContent()).isEqualTo("1");
    }

    private static void waitFor(Participant viewer, String selector) {
        viewer.page().locator(selector).waitFor(attached());
    }

    private static Locator.WaitForOptions attached() {
        return new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);
    }
}
