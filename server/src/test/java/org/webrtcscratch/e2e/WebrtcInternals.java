package org.webrtcscratch.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * chrome://webrtc-internals driven as a person would, to get its dump in a test: open it in a page of the
 * same browser context <em>before</em> the call (it records only what happens while it is open), run the
 * call in another page, then {@link #dump} opens the dump section and clicks "Download the webrtc-internals dump" and takes the file.
 */
final class WebrtcInternals {

    private WebrtcInternals() {
    }

    /** A new page of {@code context} showing chrome://webrtc-internals. */
    static Page open(BrowserContext context) {
        Page internals = context.newPage();
        internals.navigate("chrome://webrtc-internals");
        return internals;
    }

    /** The dump's JSON text as the page saves it now, unzipped when "Compress result" is ticked (the default). */
    static String dump(Page internals) {
        internals.bringToFront();
        Locator download = internals.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the \"webrtc-internals dump\""));
        if (!download.isVisible()) {
            // The heading opens and closes the section: only click it while the section is closed.
            internals.getByText("Create a WebRTC-Internals dump").click();
        }
        Download file = internals.waitForDownload(download::click);
        try {
            return new String(gunzipIfNeeded(Files.readAllBytes(file.path())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzipIfNeeded(byte[] bytes) throws IOException {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
