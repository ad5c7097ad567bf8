package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.e2e.NamespacedBrowsers.Side;

/**
 * A file transfer through a network path that breaks for real and comes back by an ICE restart: each browser
 * in its own network namespace, all UDP of the sender's dropped mid-transfer (see {@link IceRestartE2ETest}).
 * The SCTP association outlives the restart, so the transfer goes on from where it was, checked end to end.
 */
@Tag("browser")
@Tag("netns")
class FileTransferIceRestartE2ETest {

    @RegisterExtension
    static final NamespacedBrowsers harness = new NamespacedBrowsers();

    @TempDir
    Path folder;

    @Test
    void aTransferCutByABrokenPathGoesOnAfterTheIceRestart() throws IOException {
        String room = BrowserHarness.newRoom();
        // With their cameras: a page that never had media permission hides its addresses behind mDNS names,
        // which do not resolve across the namespaces' bridge.
        Participant alice = harness.join(Side.A, room, "Alice");
        Participant bob = harness.join(Side.B, room, "Bob", BrowserHarness.script("no-file-system-access.js"));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.evaluate(FilesPanel.PAUSE_ON_FIRST_ACK);
        Path file = FilesPanel.randomFile(folder, "across-a-restart.bin", 8 * FilesPanel.MIB);

        FilesPanel.sendFiles(alice, null, file);
        FilesPanel.row(bob, "in", file).waitFor();
        Path received = FilesPanel.accept(bob, file, folder, () -> {
            alice.waitUntil("() => window.__fileHeld === 1", null);
            harness.dropUdp(Side.A);
            // Going on while the path is down: the chunks wait in the channel's queue and SCTP's retransmissions.
            FilesPanel.button(alice, "Resume", file).click();
            await("an ICE restart by either side").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .pollInSameThread().until(() -> restarts(alice) + restarts(bob) > 0);
            harness.healUdp(Side.A);
        });
        FilesPanel.waitState(alice, "out", file, "done");
        FilesPanel.waitState(bob, "in", file, "done");
        assertThat(FilesPanel.sha256(received)).isEqualTo(FilesPanel.sha256(file));
        assertThat(alice.evaluate("() => window.__scratch.reconnects")).as("signaling never dropped").isEqualTo(0);
    }

    private static int restarts(Participant p) {
        return ((Number) p.evaluate("() => window.__scratch.restarts")).intValue();
    }
}
