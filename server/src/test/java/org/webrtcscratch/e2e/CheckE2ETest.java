package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.turn.TurnSettings;

/**
 * The connection check against a healthy server on loopback, with our TURN server relaying to loopback
 * peers (as {@code TurnRelayBrowserTest} does): every step passes or warns, and the result can be copied
 * as text and downloaded as JSON.
 */
@Tag("browser")
class CheckE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnSettings.onLoopback()));

    @Test
    void everyStepPassesOrWarnsAgainstAHealthyServer() {
        Participant person = harness.person("checker");
        // Granting some permissions denies the rest: camera and microphone are named, as a person allows them.
        person.context().grantPermissions(List.of("camera", "microphone", "clipboard-read", "clipboard-write"));
        CheckPage check = new CheckPage(person).run(harness.baseUri());
        check.screenshot("healthy");

        List<Map<String, Object>> steps = check.steps();
        assertThat(steps).extracting(s -> s.get("id")).containsExactlyElementsOf(CheckPage.STEP_IDS);
        for (Map<String, Object> step : steps) {
            assertThat(step.get("status")).as("%s", step).isIn("passed", "warning");
            assertThat(check.shownStatus((String) step.get("id"))).isEqualTo(step.get("status"));
            assertThat((String) step.get("found")).as("%s", step).isNotBlank();
        }
        int turnPort = harness.server().turn().orElseThrow().port();
        assertThat((String) check.step("turn-udp").get("found")).contains("127.0.0.1:" + turnPort + " over UDP");
        assertThat((String) check.step("turn-tcp").get("found")).contains("127.0.0.1:" + turnPort + " over TCP");
        assertThat((String) check.step("camera").get("found")).contains("fake_device_0");
        @SuppressWarnings("unchecked")
        Map<String, Object> loopback = (Map<String, Object>) check.step("loopback").get("details");
        assertThat(loopback).containsEntry("connected", true);
        assertThat(((Number) loopback.get("bytes")).longValue()).isPositive();
        assertThat(loopback.get("rttMs")).isNotNull();
        long passed = steps.stream().filter(s -> s.get("status").equals("passed")).count();
        assertThat(check.summary()).startsWith(passed + " passed, ").endsWith(", 0 failed");

        check.page().getByTestId("check-copy").click();
        check.page().waitForFunction("() => document.querySelector('[data-testid=check-copied]').textContent");
        String copied = (String) check.page().evaluate("() => navigator.clipboard.readText()");
        assertThat(copied).contains("WebRTC Scratch connection check").contains(check.summary())
                .contains("TURN over TCP: ");
    }

    @Test
    void theLandingPageAndACallWithoutCameraLinkToTheCheck() {
        Participant visitor = harness.person("visitor");
        visitor.page().navigate(harness.baseUri().toString());
        visitor.page().getByTestId("check-link").click();
        visitor.page().getByTestId("check-start").waitFor();
        assertThat(visitor.page().url()).isEqualTo(harness.baseUri().resolve("/check").toString());

        Participant cameraless = harness.join(BrowserHarness.newRoom(), "Cameraless",
                BrowserHarness.script("deny-media.js"));
        assertThat(cameraless.page().getByTestId("media-problem").getByTestId("check-link").getAttribute("href"))
                .isEqualTo("/check");
    }

    @Test
    void theResultDownloadsAsJsonWithoutTheTurnPassword() throws IOException {
        Participant person = harness.person("downloader");
        CheckPage check = new CheckPage(person).run(harness.baseUri());
        Download download = check.page().waitForDownload(() -> check.page().getByTestId("check-download").click());
        String json = Files.readString(download.path());
        assertThat(download.suggestedFilename()).startsWith("connection-check-").endsWith(".json");
        assertThat(json).contains("\"format\": \"webrtc-scratch-check\"").contains("\"turn-udp\"")
                .doesNotContain("\"credential\"");
    }
}
