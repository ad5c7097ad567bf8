package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;

/**
 * The connection check when the signaling server hands out TURN credentials the TURN server refuses: a
 * separate TURN server ({@code turn}) with one secret, and the signaling server pointed at it with
 * {@code --turn-remote} and another secret. Both TURN steps fail saying the credentials were refused,
 * not that the server could not be reached.
 */
@Tag("browser")
class CheckWrongTurnSecretE2ETest {

    private static TurnServer turn;

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> {
        turn = TurnServer.start(TurnSettings.onLoopback());
        return config.withTurn(new TurnMode.Remote("127.0.0.1", turn.port(), TurnSettings.randomSecret(),
                Duration.ofHours(1)));
    });

    @AfterAll
    static void stopTurn() {
        if (turn != null) {
            turn.close();
        }
    }

    @Test
    void bothTurnStepsFailSayingTheCredentialsWereRefused() {
        CheckPage check = new CheckPage(harness.person("checker")).run(harness.baseUri());
        check.screenshot("turn-refused");

        for (String id : new String[] {"turn-udp", "turn-tcp"}) {
            assertThat(check.step(id)).containsEntry("status", "failed");
            assertThat((String) check.step(id).get("found")).contains("refused the credentials").contains("401")
                    .contains("127.0.0.1:" + turn.port());
            assertThat((String) check.step(id).get("advice")).contains("--turn-secret");
        }
        // STUN needs no credentials: the same server answers it.
        assertThat(check.step("stun")).containsEntry("status", "passed");
        assertThat(check.step("loopback")).containsEntry("status", "failed");
    }
}
