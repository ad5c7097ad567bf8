package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.turn.TurnSettings;

/**
 * The connection check with the camera permission denied for real: Chromium runs without
 * {@code --use-fake-ui-for-media-stream} (which would grant every request), and the browser context is
 * granted the microphone only, so Chromium itself refuses the camera with NotAllowedError. The camera step
 * fails with the advice for a blocked permission, and every other step still runs.
 */
@Tag("browser")
class CheckCameraDeniedE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnSettings.onLoopback()),
            Chromium.FLAGS.stream().filter(flag -> !flag.equals("--use-fake-ui-for-media-stream")).toList());

    @Test
    void cameraStepFailsWithThePermissionAdviceAndTheRestStillRun() {
        Participant person = harness.person("checker");
        person.context().grantPermissions(List.of("microphone"));
        CheckPage check = new CheckPage(person).run(harness.baseUri());
        check.screenshot("camera-denied");

        Map<String, Object> camera = check.step("camera");
        assertThat(camera).containsEntry("status", "failed");
        assertThat((String) camera.get("found")).contains("Permission to use the camera was denied")
                .contains("NotAllowedError");
        assertThat((String) camera.get("advice")).contains("allow the camera for this site");
        assertThat(check.shownStatus("camera")).isEqualTo("failed");

        List<Map<String, Object>> steps = check.steps();
        assertThat(steps).extracting(s -> s.get("id")).containsExactlyElementsOf(CheckPage.STEP_IDS);
        assertThat(steps.stream().filter(s -> !s.get("id").equals("camera")))
                .allSatisfy(step -> assertThat(step.get("status")).as("%s", step).isIn("passed", "warning"));
        assertThat(check.summary()).endsWith(", 1 failed");
    }
}
