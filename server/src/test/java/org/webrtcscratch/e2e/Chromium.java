package org.webrtcscratch.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium the browser tests drive, and the flags that make it usable headless on a
 * loopback-only machine (see shared BROWSER-TESTING notes: fake devices, loopback ICE candidates).
 */
final class Chromium {

    /** Debian's wrapper script; {@code SCRATCH_CHROMIUM} points elsewhere. */
    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("SCRATCH_CHROMIUM", "/usr/bin/chromium"));

    /**
     * Playwright adds {@code --headless} itself and refuses {@code --user-data-dir} (it makes a fresh
     * profile per launch), so neither is here.
     */
    static final List<String> FLAGS = List.of(
            "--no-sandbox", // required as root
            "--use-fake-ui-for-media-stream", // grants camera and microphone without a prompt
            "--use-fake-device-for-media-stream", // a synthetic camera and microphone
            "--allow-loopback-in-peer-connection", // ICE candidates on 127.0.0.1
            "--disable-gpu",
            "--mute-audio",
            "--no-first-run",
            "--disable-background-networking", // no attempts to reach the internet
            "--disable-component-update",
            "--disable-sync");

    private Chromium() {
    }

    /** Skips the calling test class without Chromium, except on CI where that is a failure. */
    static void requireInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String why = "no Chromium at " + EXECUTABLE + " (apt-get install chromium, or set SCRATCH_CHROMIUM)";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; on CI the browser tests must run");
        }
        Assumptions.abort("browser tests skipped: " + why);
    }
}
