package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pre-join screen: a live preview and microphone level before joining, and what it joins with. */
@Tag("browser")
class PrejoinE2ETest {

    /** The preview plays the fake camera: frames with a size, and time moving on. */
    private static final String PREVIEW_PLAYING = """
            () => { const v = document.querySelector('[data-testid="prejoin-video"]');
                    return v.videoWidth > 0 && v.currentTime > 0.2; }""";
    /** Chromium's fake microphone beeps: the meter rises above quiet. */
    private static final String METER_MOVED = "() => document.querySelector('[data-testid=\"prejoin-level\"]').value > 0.05";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void aLinkWithANameOpensThePrejoinScreenWithALivePreviewAndMeter() {
        String room = BrowserHarness.newRoom();
        Participant ann = harness.person("Ann");
        ann.openPrejoin(room);
        Page page = ann.page();

        assertThat(page.getByTestId("name-input").inputValue()).isEqualTo("Ann");
        ann.waitUntil(PREVIEW_PLAYING, null, "() => document.querySelector('[data-testid=\"prejoin-video\"]').outerHTML");
        ann.waitUntil(METER_MOVED, null, "() => document.querySelector('[data-testid=\"prejoin-level\"]').value");
        assertThat(page.getByTestId("prejoin-level-text").textContent()).isIn("sound", "quiet");
        // Not in the room yet: no signaling, no peer id.
        assertThat(ann.evaluate("() => window.__scratch === undefined")).isEqualTo(true);
        for (String select : List.of("prejoin-camera", "prejoin-microphone")) {
            assertThat(page.getByTestId(select).locator("option").count()).isPositive();
        }
        ann.screenshot("prejoin.png");

        ann.joinFromPrejoin();
        page.locator(".tile[data-local]").waitFor();
        assertThat(page.getByTestId("prejoin").isHidden()).isTrue();
    }

    @Test
    void joinPressedWhileTheCameraIsStillOpeningJoinsOnceItIsOpen() {
        String room = BrowserHarness.newRoom();
        // The camera answers only when the test says so, like a slow one behind a permission prompt.
        Participant ann = harness.person("Ann", """
                const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                let release;
                const released = new Promise((resolve) => { release = resolve; });
                window.__openCamera = () => release();
                navigator.mediaDevices.getUserMedia = async (constraints) => { await released; return open(constraints); };
                """);
        ann.openPrejoin(room);
        Page page = ann.page();

        page.getByTestId("name-submit").click();
        assertThat(page.getByTestId("name-submit").textContent()).isEqualTo("Joining…");
        assertThat(page.getByTestId("name-submit").isDisabled()).isTrue();
        ann.evaluate("() => window.__openCamera()");

        page.locator(".tile[data-local]").waitFor();
        assertThat(page.getByTestId("prejoin").isHidden()).isTrue();
        ann.peerId();
    }

    @Test
    void joiningMutedWithTheCameraOffSendsDisabledTracksAndSaysSo() {
        String room = BrowserHarness.newRoom();
        Participant bob = harness.join(room, "Bob");
        Participant ann = harness.person("Ann");
        ann.openPrejoin(room);
        Page page = ann.page();
        ann.waitUntil(PREVIEW_PLAYING, null, "() => 'no preview'");
        // The same tracks go on into the call: remember the preview's.
        String previewTracks = (String) ann.evaluate(
                "() => document.querySelector('[data-testid=\"prejoin-video\"]').srcObject.getTracks().map(t => t.id).sort().join()");

        page.getByTestId("prejoin-muted").check();
        page.getByTestId("prejoin-camera-off").check();
        assertThat(page.getByTestId("prejoin-camera-state").textContent()).isEqualTo("Camera is off");
        ann.waitUntil("() => document.querySelector('[data-testid=\"prejoin-level-text\"]').textContent === 'muted'", null);
        ann.joinFromPrejoin();

        String tracks = "() => window.__scratch.call.media.stream.getTracks().map(t => t.kind + ':' + t.enabled).sort()";
        ann.waitConnectedTo(bob);
        assertThat(ann.evaluate(tracks)).isEqualTo(List.of("audio:false", "video:false"));
        assertThat(ann.evaluate("() => window.__scratch.call.media.stream.getTracks().map(t => t.id).sort().join()"))
                .isEqualTo(previewTracks);
        assertThat(page.getByTestId("mute").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.getByTestId("mute").getAttribute("aria-label")).isEqualTo("Unmute microphone");
        assertThat(page.getByTestId("camera").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.locator(".tile[data-local]").getAttribute("class")).contains("no-video", "muted");
    }
}
