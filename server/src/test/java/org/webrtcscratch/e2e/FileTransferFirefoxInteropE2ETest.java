package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files between Chromium (Playwright) and Firefox ESR (WebDriver BiDi, {@link FirefoxBidi}), both ways, through
 * each browser's file input and the other's Accept button; Firefox has no File System Access API, so it keeps
 * the chunks as Blobs and saves with a download, which its profile sends to a folder without asking.
 */
@Tag("browser")
class FileTransferFirefoxInteropE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @TempDir
    Path folder;

    @Test
    void filesGoFromChromiumToFirefoxAndBackWithTheSameSha256() throws Exception {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", BrowserHarness.script("deny-media.js"),
                BrowserHarness.script("no-file-system-access.js"));
        Path downloads = Files.createDirectories(folder.resolve("firefox-downloads"));
        try (FirefoxBidi bob = new FirefoxBidi(Files.createDirectories(folder.resolve("firefox-profile")), downloads)) {
            bob.navigate(harness.baseUri().resolve("/r/" + room + "?skipPrejoin=1&name=" + URLEncoder.encode("Bob", StandardCharsets.UTF_8)));
            bob.waitUntil("window.__scratch?.call?.localPeerId");
            alice.waitForTile(bob.evaluateText("window.__scratch.call.localPeerId"), "connected");
            bob.waitUntil("[...window.__scratch.call.peers.values()][0]?.channel.readyState === 'open'");

            // Chromium → Firefox
            Path toFirefox = FilesPanel.randomFile(folder, "to-firefox.bin", 6 * FilesPanel.MIB + 7);
            alice.page().getByTestId("files-toggle").click();
            alice.page().getByLabel("Choose files to send").setInputFiles(toFirefox);
            String row = "document.querySelector('[data-testid=\"file-transfer\"][data-direction=\"in\"]')";
            bob.waitUntil(row + "?.dataset.state === 'offered'");
            assertThat(bob.evaluateText(row + ".querySelector('.transfer-meta').textContent")).isEqualTo("6.3 MB · from Alice");
            bob.evaluate(row + ".querySelector('[data-action=\"accept\"]').click()");
            bob.waitUntil(row + ".dataset.state === 'done'");
            alice.page().locator("[data-testid=\"file-transfer\"][data-direction=\"out\"][data-state=\"done\"]").waitFor();
            Path saved = downloads.resolve("to-firefox.bin");
            waitForFile(saved, Files.size(toFirefox));
            assertThat(FilesPanel.sha256(saved)).isEqualTo(FilesPanel.sha256(toFirefox));

            // Firefox → Chromium
            Path toChromium = FilesPanel.randomFile(folder, "to-chromium.bin", 5 * FilesPanel.MIB + 3);
            bob.setInputFiles("#file-input", toChromium);
            alice.page().locator("[data-testid=\"file-transfer\"][data-direction=\"in\"][data-state=\"offered\"]").waitFor();
            Download download = alice.page().waitForDownload(() -> alice.page().getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Accept to-chromium.bin").setExact(true)).click());
            Path received = folder.resolve("received-to-chromium.bin");
            download.saveAs(received);
            assertThat(FilesPanel.sha256(received)).isEqualTo(FilesPanel.sha256(toChromium));
            bob.waitUntil("document.querySelector('[data-testid=\"file-transfer\"][data-direction=\"out\"]')"
                    + ".dataset.state === 'done'");
        }
    }

    /** Firefox writes the download under its own name and may still be at it when the transfer says done. */
    private static void waitForFile(Path file, long size) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (BrowserHarness.TIMEOUT_MS * 1_000_000);
        while (!Files.exists(file) || Files.size(file) != size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no download " + file + " of " + size + " bytes; the folder holds "
                        + java.util.Arrays.toString(file.getParent().toFile().list()));
            }
            Thread.sleep(100);
        }
    }
}
