package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Screen sharing with Chromium's fake capture (getDisplayMedia gives a synthetic 1280×720 screen): it
 * reaches the others as a tile of its own with decoded frames while the camera goes on, reaches a late
 * joiner, and stops cleanly from the app and from the browser's own "Stop sharing".
 */
@Tag("browser")
class ScreenShareE2ETest {

    /** Frames decoded from the track of {@code peer}'s given stream ('screen' or 'camera'), from getStats. */
    private static final String FRAMES_OF = """
            async ([id, which]) => {
              const peer = window.__scratch.call.peers.get(id);
              const track = (which === 'screen' ? peer?.remoteScreen : peer?.remoteStream)?.getVideoTracks()[0];
              if (!track) return 0;
              for (const s of (await peer.pc.getStats()).values()) {
                if (s.type === 'inbound-rtp' && s.kind === 'video' && s.trackIdentifier === track.id) return s.framesDecoded ?? 0;
              }
              return 0;
            }""";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void aShareReachesTheOthersAndALateJoinerAndStopsFromTheAppAndTheBrowser() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        bob.waitConnectedTo(alice);
        bob.waitFramesDecodedFrom(alice);

        alice.page().getByTestId("screen-share").click();
        // The button flips once getDisplayMedia has answered, not at the click.
        alice.waitUntil("() => document.querySelector('[data-testid=\"screen-share\"]').getAttribute('aria-pressed') === 'true'",
                null);
        waitScreenFrames(bob, alice);
        // The camera goes on beside the share.
        waitFrames(bob, alice, "camera", frames(bob, alice, "camera"));
        assertThat(alice.evaluate("() => window.__scratch.call.media.videoTrack.readyState")).isEqualTo("live");
        Locator screenTile = screenTile(bob, alice);
        Locator cameraTile = bob.tile(alice.peerId());
        assertThat(screenTile.boundingBox().width * screenTile.boundingBox().height)
                .isGreaterThan(2 * cameraTile.boundingBox().width * cameraTile.boundingBox().height);
        assertThat(screenTile.locator("figcaption").textContent()).isEqualTo("Alice's screen");
        bob.screenshot("screen-share.png");

        Participant carol = harness.join(room, "Carol");
        carol.waitConnectedTo(alice);
        waitScreenFrames(carol, alice);
        carol.waitFramesDecodedFrom(alice);

        // The browser's own "Stop sharing" ends the capture track and fires `ended`.
        alice.evaluate("""
                () => { const track = window.__scratch.call.media.screen.getVideoTracks()[0];
                        track.stop(); track.dispatchEvent(new Event('ended')); }""");
        for (Participant viewer : new Participant[] {bob, carol}) {
            screenTile(viewer, alice).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            viewer.waitForTile(alice.peerId(), "connected");
        }
        // The button flips once getDisplayMedia has answered, not at the click.
        alice.waitUntil("() => document.querySelector('[data-testid=\"screen-share\"]').getAttribute('aria-pressed') === 'false'",
                null);
        assertThat(alice.evaluate("() => window.__scratch.call.media.screen")).isNull();

        // Again, stopped from the app this time.
        alice.page().getByTestId("screen-share").click();
        waitScreenFrames(bob, alice);
        alice.page().getByTestId("screen-share").click();
        screenTile(bob, alice).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        bob.waitForTile(alice.peerId(), "connected");
        assertThat(alice.evaluate("() => window.__scratch.counts().localTracks")).isEqualTo(2);
    }

    private static Locator screenTile(Participant viewer, Participant sharer) {
        return viewer.page().locator(".screen-tile[data-screen-of=\"" + sharer.peerId() + "\"]");
    }

    private static void waitScreenFrames(Participant viewer, Participant sharer) {
        screenTile(viewer, sharer).waitFor();
        waitFrames(viewer, sharer, "screen", 0);
    }

    /** Waits until more than {@code above} frames have been decoded from {@code sharer}'s {@code which} track. */
    private static void waitFrames(Participant viewer, Participant sharer, String which, double above) {
        viewer.page().waitForFunction("async args => (await (" + FRAMES_OF + ")(args)) > " + above,
                List.of(sharer.peerId(), which),
                new Page.WaitForFunctionOptions().setTimeout(BrowserHarness.TIMEOUT_MS).setPollingInterval(250));
    }

    private static double frames(Participant viewer, Participant sharer, String which) {
        return ((Number) viewer.evaluate(FRAMES_OF, List.of(sharer.peerId(), which))).doubleValue();
    }
}
