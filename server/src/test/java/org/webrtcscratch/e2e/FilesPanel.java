package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** The call page's files panel as a person uses it (docs/testing.md, "files"), and the files the tests send. */
final class FilesPanel {

    static final int MIB = 1024 * 1024;

    /** Pauses each outgoing transfer of the page as soon as the receiver confirms some chunks: surely mid-way. */
    static final String PAUSE_ON_FIRST_ACK = """
            () => {
              window.__fileHeld = 0;
              window.__scratch.files.addEventListener('transfer', ({detail: {transfer}}) => {
                if (transfer.direction !== 'out') return;
                const onChange = () => {
                  if (transfer.confirmed === 0) return;
                  transfer.removeEventListener('change', onChange);
                  transfer.pause();
                  window.__fileHeld++;
                };
                transfer.addEventListener('change', onChange);
              });
            }""";

    private FilesPanel() { }

    /** Opens the files panel, picks who gets them ({@code null}: everyone) and chooses the files in the file input. */
    static void sendFiles(Participant sender, String to, Path... files) {
        Page page = sender.page();
        if (page.getByTestId("files-panel").isHidden()) {
            page.getByTestId("files-toggle").click();
        }
        page.getByLabel("Send to").selectOption(to == null ? "Everyone" : to);
        page.getByLabel("Choose files to send").setInputFiles(files);
    }

    static Locator row(Participant p, String direction, Path file) {
        return p.page().locator("[data-testid=\"file-transfer\"][data-direction=\"" + direction + "\"]")
                .filter(new Locator.FilterOptions().setHas(p.page().locator(".transfer-name")
                        .getByText(file.getFileName().toString(), new Locator.GetByTextOptions().setExact(true))));
    }

    static Locator button(Participant p, String action, Path file) {
        return p.page().getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName(action + " " + file.getFileName()).setExact(true));
    }

    static void waitState(Participant p, String direction, Path file, String state) {
        row(p, direction, file).and(p.page().locator("[data-state=\"" + state + "\"]"))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    /** Clicks Accept, runs {@code meanwhile} while the file comes, and returns the file the download saved in {@code folder}. */
    static Path accept(Participant receiver, Path file, Path folder, Runnable meanwhile) {
        Download download = receiver.page().waitForDownload(
                new Page.WaitForDownloadOptions().setTimeout(BrowserHarness.TIMEOUT_MS),
                () -> {
                    button(receiver, "Accept", file).click();
                    meanwhile.run();
                });
        // The browser replaces what a file system may refuse (< > : " / \ | ? *) with _.
        assertThat(download.suggestedFilename()).isEqualTo(file.getFileName().toString().replaceAll("[<>:\"/\\\\|?*]", "_"));
        Path saved = folder.resolve("received-" + receiver.name() + "-" + file.getFileName());
        download.saveAs(saved);
        return saved;
    }

    /** A file of {@code size} random bytes (seeded by its name) in {@code folder}. */
    static Path randomFile(Path folder, String name, int size) throws IOException {
        Path file = folder.resolve(name);
        Random random = new Random(name.hashCode());
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(left, block.length));
            }
        }
        return file;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
