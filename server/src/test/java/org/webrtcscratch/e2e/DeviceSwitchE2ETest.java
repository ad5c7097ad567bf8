package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Switching devices during a call with two fake cameras: replaceTrack keeps the peer connection
 * {@code connected} and the other side decodes the new track's frames; a camera that goes away is replaced
 * by another, and the page says so.
 */
@Tag("browser")
class DeviceSwitchE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(UnaryOperator.identity(),
            Stream.concat(Chromium.FLAGS.stream(),
                    Stream.of("--use-fake-device-for-media-stream=device-count=2")).toList());

    /** Frames decoded from the remote video, and the id of the track Alice sends now. */
    private static final String SENT_TRACK = "() => window.__scratch.call.media.videoTrack.id";
    private static final String SENDER_TRACK = """
            id => window.__scratch.call.peers.get(id).pc.getSenders()
                    .find(s => s.track?.kind === 'video')?.track.id""";

    @Test
    void switchingTheCameraKeepsTheConnectionAndTheNewFramesArrive() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        bob.waitFramesDecodedFrom(alice);
        Page page = alice.page();

        page.getByTestId("devices").click();
        Locator cameras = page.getByTestId("video-device");
        List<?> ids = (List<?>) cameras.evaluate("s => [...s.options].map(o => o.value)");
        assertThat(ids).hasSize(2);
        String current = cameras.inputValue();
        String other = (String) ids.stream().filter(id -> !id.equals(current)).findFirst().orElseThrow();
        Object oldTrack = alice.evaluate(SENT_TRACK);
        alice.screenshot("devices.png");
        cameras.selectOption(other);

        alice.waitUntil("old => window.__scratch.call.media.videoTrack?.id !== old", oldTrack);
        String newTrack = (String) alice.evaluate(SENT_TRACK);
        assertThat(alice.evaluate("() => window.__scratch.call.media.videoTrack.getSettings().deviceId")).isEqualTo(other);
        assertThat(alice.evaluate(SENDER_TRACK, bob.peerId())).isEqualTo(newTrack);
        double before = frames(bob, alice);
        bob.waitUntil("([id, n]) => window.__scratch.framesDecoded(id).then(f => f > n + 10)", List.of(alice.peerId(), before));
        bob.waitConnectedTo(alice);
        alice.waitConnectedTo(bob);
        assertThat(alice.evaluate("id => window.__scratch.call.peers.get(id).restarts", bob.peerId())).isEqualTo(0);
    }

    @Test
    void aCameraThatGoesAwayIsReplacedAndThePageSaysSo() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        bob.waitFramesDecodedFrom(alice);
        Object oldTrack = alice.evaluate(SENT_TRACK);

        // What the browser does when the camera is unplugged: the track ends and fires `ended`.
        alice.evaluate("() => { const t = window.__scratch.call.media.videoTrack; t.stop(); t.dispatchEvent(new Event('ended')); }");

        alice.page().locator("[data-testid=\"call-notice\"]:has-text(\"went away; now using\")").waitFor();
        alice.waitUntil("old => window.__scratch.call.media.videoTrack?.readyState === 'live'"
                + " && window.__scratch.call.media.videoTrack.id !== old", oldTrack);
        assertThat(alice.evaluate(SENDER_TRACK, bob.peerId())).isEqualTo(alice.evaluate(SENT_TRACK));
        double before = frames(bob, alice);
        bob.waitUntil("([id, n]) => window.__scratch.framesDecoded(id).then(f => f > n + 10)", List.of(alice.peerId(), before));
        bob.waitConnectedTo(alice);
    }

    private static double frames(Participant viewer, Participant sender) {
        return ((Number) viewer.evaluate("id => window.__scratch.framesDecoded(id)", sender.peerId())).doubleValue();
    }
}
