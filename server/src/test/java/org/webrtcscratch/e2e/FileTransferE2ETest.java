package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.e2e.FilesPanel.button;
import static org.webrtcscratch.e2e.FilesPanel.row;
import static org.webrtcscratch.e2e.FilesPanel.sendFiles;
import static org.webrtcscratch.e2e.FilesPanel.sha256;
import static org.webrtcscratch.e2e.FilesPanel.waitState;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * File transfer in the call page, through its real controls: the file input (Playwright's
 * {@code setInputFiles}), Accept, Cancel, Pause and Resume buttons found by their accessible names, and
 * the real download the receiver gets. Receivers run without the File System Access API
 * ({@code no-file-system-access.js}) so that the file comes as a download; most participants join
 * without camera or microphone ({@code deny-media.js}), the files-only use, which also spares the CPU.
 */
@Tag("browser")
class FileTransferE2ETest {

        private static final String NO_FILE_CHANNEL_LEFT = """
            () => window.__webrtcCounts().live.dataChannels === 1 && window.__scratch.files.active.length === 0""";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @TempDir
    Path folder;

    @Test
    void aGeneratedFileArrivesWithTheSameSha256AndBothSeeAHundredPercent() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob", script("deny-media.js"), script("no-file-system-access.js"));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        Path file = randomFile("<img src=x onerror=alert(1)> big.bin", 24 * FilesPanel.MIB + 123);

        sendFiles(alice, null, file);
        Locator offer = row(bob, "in", file);
        offer.waitFor();
        assertThat(offer.locator(".transfer-meta").textContent()).isEqualTo("25.2 MB · from Alice");
        assertThat(offer.locator(".transfer-name").innerHTML()).isEqualTo("&lt;img src=x onerror=alert(1)&gt; big.bin");
        Path received = accept(bob, file);

        waitState(bob, "in", file, "done");
        waitState(alice, "out", file, "done");
        assertThat(sha256(received)).isEqualTo(sha256(file));
        for (Participant p : List.of(alice, bob)) {
            Locator bar = p.page().getByRole(AriaRole.PROGRESSBAR,
                    new Page.GetByRoleOptions().setName("Progress of " + file.getFileName()));
            assertThat(bar.evaluate("bar => bar.value")).isEqualTo(1);
        }
        assertThat(row(bob, "in", file).locator(".transfer-status").textContent()).contains("100 %", "SHA-256 checked");
        assertThat(row(alice, "out", file).locator(".transfer-status").textContent()).contains("100 %", "checked by Bob");
    }

    @Test
    void severalFilesAtOnceToOnePersonOrToEveryone() throws IOException {
        String room = BrowserHarness.newRoom();
        String[] quiet = {script("deny-media.js"), script("no-file-system-access.js")};
        Participant alice = harness.join(room, "Alice", quiet);
        Participant bob = harness.join(room, "Bob", quiet);
        Participant carol = harness.join(room, "Carol", quiet);
        for (Participant p : List.of(alice, bob, carol)) {
            for (Participant other : List.of(alice, bob, carol)) {
                if (p != other) {
                    p.waitConnectedTo(other);
                }
            }
        }
        Path one = randomFile("one.bin", 3 * FilesPanel.MIB);
        Path two = randomFile("two.bin", 2 * FilesPanel.MIB + 5);
        Path three = randomFile("three.txt", 70_000);

        sendFiles(alice, "Bob", one, two, three);
        List<Path> receivedByBob = new ArrayList<>();
        for (Path file : List.of(one, two, three)) {
            row(bob, "in", file).waitFor();
        }
        for (Path file : List.of(one, two, three)) {
            receivedByBob.add(accept(bob, file));
        }
        for (int i = 0; i < 3; i++) {
            Path file = List.of(one, two, three).get(i);
            waitState(bob, "in", file, "done");
            waitState(alice, "out", file, "done");
            assertThat(sha256(receivedByBob.get(i))).as(file.toString()).isEqualTo(sha256(file));
        }
        assertThat(carol.page().locator("[data-testid=\"file-transfer\"]").count()).as("Carol was not chosen").isZero();

        Path toAll = randomFile("everyone.bin", FilesPanel.MIB);
        sendFiles(alice, null, toAll);
        for (Participant p : List.of(bob, carol)) {
            row(p, "in", toAll).waitFor();
            assertThat(sha256(accept(p, toAll))).isEqualTo(sha256(toAll));
            waitState(p, "in", toAll, "done");
        }
        assertThat(alice.page().locator("[data-testid=\"file-transfer\"][data-direction=\"out\"][data-state=\"done\"]")
                .count()).isEqualTo(5);
    }

    @Test
    void cancelFromEitherSideMidWayLeavesBothClean() throws IOException {
        String room = BrowserHarness.newRoom();
        String counter = script("count-webrtc-objects.js");
        Participant alice = harness.join(room, "Alice", counter, script("deny-media.js"));
        Participant bob = harness.join(room, "Bob", counter, script("deny-media.js"), script("no-file-system-access.js"));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.evaluate(FilesPanel.PAUSE_ON_FIRST_ACK);
        Path bySender = randomFile("by-sender.bin", 16 * FilesPanel.MIB);
        Path byReceiver = randomFile("by-receiver.bin", 16 * FilesPanel.MIB);
        List<Download> downloads = new ArrayList<>();
        bob.page().onDownload(downloads::add);

        sendFiles(alice, null, bySender);
        row(bob, "in", bySender).waitFor();
        button(bob, "Accept", bySender).click();
        alice.waitUntil("() => window.__fileHeld === 1", null);
        waitState(bob, "in", bySender, "paused");
        button(alice, "Cancel", bySender).click();
        waitState(bob, "in", bySender, "cancelled");
        waitState(alice, "out", bySender, "cancelled");
        alice.waitUntil(NO_FILE_CHANNEL_LEFT, null, "() => JSON.stringify(window.__webrtcCounts())");
        bob.waitUntil(NO_FILE_CHANNEL_LEFT, null, "() => JSON.stringify(window.__webrtcCounts())");

        sendFiles(alice, null, byReceiver);
        row(bob, "in", byReceiver).waitFor();
        button(bob, "Accept", byReceiver).click();
        alice.waitUntil("() => window.__fileHeld === 2", null);
        button(bob, "Cancel", byReceiver).click();
        waitState(alice, "out", byReceiver, "cancelled");
        waitState(bob, "in", byReceiver, "cancelled");
        alice.waitUntil(NO_FILE_CHANNEL_LEFT, null, "() => JSON.stringify(window.__webrtcCounts())");
        bob.waitUntil(NO_FILE_CHANNEL_LEFT, null, "() => JSON.stringify(window.__webrtcCounts())");

        assertThat(downloads).as("nothing saved").isEmpty();
        // The chat channel carried on.
        alice.sendChat("still here");
        bob.waitChatFrom(alice, "still here");
    }

    @Test
    void chatSentDuringATransferArrivesWithinASecond() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", script("deny-media.js"));
        Participant bob = harness.join(room, "Bob", script("deny-media.js"), script("no-file-system-access.js"));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        // Bob's page notes, for each chat line, how long after its sending it showed and whether the file was
        // still coming then (both pages read the same system clock).
        bob.evaluate("""
                () => {
                  window.__chatSeen = [];
                  new MutationObserver(() => {
                    for (const line of document.querySelectorAll('[data-testid="chat-message"]:not([data-seen])')) {
                      line.dataset.seen = '';
                      const sentAt = Date.parse(line.querySelector('time').dateTime);
                      const transfer = document.querySelector('[data-testid="file-transfer"]');
                      window.__chatSeen.push({text: line.querySelector('.chat-text').textContent,
                          delayMs: Date.now() - sentAt, transferState: transfer?.dataset.state});
                    }
                  }).observe(document.getElementById('chat-log'), {childList: true});
                }""");
        Path file = randomFile("long.bin", 64 * FilesPanel.MIB);

        sendFiles(alice, null, file);
        row(bob, "in", file).waitFor();
        accept(bob, file, () -> {
            alice.waitUntil("() => document.querySelector('[data-testid=\"file-transfer\"]')"
                    + ".querySelector('progress').value > 0", null);
            alice.sendChat("during the transfer");
            bob.waitChatFrom(alice, "during the transfer");
        });
        waitState(bob, "in", file, "done");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen = (List<Map<String, Object>>) bob.evaluate("() => window.__chatSeen");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsEntry("text", "during the transfer").containsEntry("transferState", "transferring");
        assertThat(((Number) seen.get(0).get("delayMs")).doubleValue()).as("ms from send to shown").isLessThan(1000);
    }

    @Test
    void aCorruptedChunkIsReportedAsAMismatchAndNothingIsSaved() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", script("deny-media.js"));
        Participant bob = harness.join(room, "Bob", script("deny-media.js"), script("no-file-system-access.js"));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        List<Download> downloads = new ArrayList<>();
        bob.page().onDownload(downloads::add);
        alice.evaluate("() => window.__scratch.files.corruptChunkForTest(7)");
        Path file = randomFile("spoiled.bin", 2 * FilesPanel.MIB);

        sendFiles(alice, null, file);
        row(bob, "in", file).waitFor();
        button(bob, "Accept", file).click();
        waitState(bob, "in", file, "failed");
        waitState(alice, "out", file, "failed");

        for (Participant p : List.of(alice, bob)) {
            Locator row = row(p, p == bob ? "in" : "out", file);
            assertThat(row.getAttribute("data-reason")).isEqualTo("hash-mismatch");
            assertThat(row.locator(".transfer-status").textContent()).contains("does not match its SHA-256");
        }
        assertThat(downloads).isEmpty();
        assertThat(row(bob, "in", file).locator("[data-action=\"save\"]").count()).isZero();
    }

    @Test
    void aTransferGoesOnAfterASignalingDropOnBothSides() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", script("deny-media.js"));
        Participant bob = harness.join(room, "Bob", script("deny-media.js"), script("no-file-system-access.js"));
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.evaluate(FilesPanel.PAUSE_ON_FIRST_ACK);
        Path file = randomFile("through-a-drop.bin", 8 * FilesPanel.MIB);

        sendFiles(alice, null, file);
        row(bob, "in", file).waitFor();
        Path received = accept(bob, file, () -> {
            alice.waitUntil("() => window.__fileHeld === 1", null);
            for (Participant p : List.of(alice, bob)) {
                p.evaluate("() => window.__scratch.dropSignalingForTest()");
            }
            for (Participant p : List.of(alice, bob)) {
                p.waitUntil("() => window.__scratch.reconnects >= 1", null);
                p.waitSignalingState("open");
            }
            button(alice, "Resume", file).click();
        });
        waitState(alice, "out", file, "done");
        waitState(bob, "in", file, "done");
        assertThat(sha256(received)).isEqualTo(sha256(file));
    }

    @Test
    void filesDroppedOntoTheCallGoToEveryoneOnPhoneSizedScreens() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", script("deny-media.js"));
        Participant bob = harness.join(room, "Bob", script("deny-media.js"), script("no-file-system-access.js"));
        for (Participant p : List.of(alice, bob)) {
            p.page().setViewportSize(390, 844);
        }
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        Path file = randomFile("dropped.bin", 3 * FilesPanel.MIB);

        // A drop as the browser makes it from a file manager: a DataTransfer holding the file, over the videos.
        JSHandle dataTransfer = alice.page().evaluateHandle("""
                ({name, bytes}) => {
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], name));
                  return transfer;
                }""", Map.of("name", "dropped.bin", "bytes", Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
        alice.page().dispatchEvent("#videos", "dragover", Map.of("dataTransfer", dataTransfer));
        alice.page().dispatchEvent("#videos", "drop", Map.of("dataTransfer", dataTransfer));

        Locator accept = button(bob, "Accept", file);
        accept.waitFor();
        assertThat(bob.page().getByTestId("files-panel").isVisible()).as("an offer opens the panel").isTrue();
        assertThat(inViewport(accept)).as("Accept within a phone's screen").isTrue();
        assertThat(inViewport(bob.page().getByTestId("files-toggle"))).isTrue();
        Path received = accept(bob, file);
        waitState(alice, "out", file, "done");
        assertThat(sha256(received)).isEqualTo(sha256(file));
        assertThat(inViewport(button(alice, "Dismiss", file))).isTrue();
    }

    private static boolean inViewport(Locator locator) {
        return (Boolean) locator.evaluate("e => { const r = e.getBoundingClientRect();"
                + " return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; }");
    }

    private static String script(String name) {
        return BrowserHarness.script(name);
    }

    private Path accept(Participant receiver, Path file) {
        return FilesPanel.accept(receiver, file, folder, () -> { });
    }

    private Path accept(Participant receiver, Path file, Runnable meanwhile) {
        return FilesPanel.accept(receiver, file, folder, meanwhile);
    }

    private Path randomFile(String name, int size) throws IOException {
        return FilesPanel.randomFile(folder, name, size);
    }
}
