package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.config.TurnMode;

/**
 * The connection check against a server with STUN/TURN off ({@code --turn-port 0}): both TURN steps fail
 * and say that no TURN server is configured; the steps that do not need TURN still run.
 */
@Tag("browser")
class CheckWithoutTurnE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnMode.OFF));

    @Test
    void bothTurnStepsFailSayingNoTurnServerIsConfigured() {
        CheckPage check = new CheckPage(harness.person("checker")).run(harness.baseUri());
        check.screenshot("no-turn");

        for (String id : new String[] {"turn-udp", "turn-tcp"}) {
            assertThat(check.step(id)).containsEntry("status", "failed");
            assertThat((String) check.step(id).get("found")).contains("No TURN server is configured");
            assertThat((String) check.step(id).get("advice")).contains("--turn-port 0").contains("--turn-remote");
            assertThat(check.shownStatus(id)).isEqualTo("failed");
        }
        assertThat(check.step("loopback")).containsEntry("status", "failed");
        assertThat(check.step("signaling")).containsEntry("status", "passed");
        assertThat(check.step("camera")).containsEntry("status", "passed");
        assertThat(check.summary()).endsWith(", 4 failed"); // STUN, both TURN and the call through the relay
    }
}
