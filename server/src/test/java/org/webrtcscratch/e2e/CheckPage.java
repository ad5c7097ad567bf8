package org.webrtcscratch.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The connection check page ({@code /check}) driven through its test hooks (docs/testing.md): start it,
 * wait for the summary, read each step's outcome from the JSON form the page shows.
 */
final class CheckPage {

    /** Every step has a time limit of at most 30 s; a whole run stays well under this. */
    private static final double RUN_TIMEOUT_MS = 180_000;
    static final List<String> STEP_IDS = List.of("browser", "camera", "microphone", "speaker", "signaling", "stun",
            "turn-udp", "turn-tcp", "loopback", "network");

    private final Participant person;

    CheckPage(Participant person) {
        this.person = person;
    }

    Page page() {
        return person.page();
    }

    /** Opens /check, starts the check and waits until every step has ended. */
    CheckPage run(java.net.URI base) {
        page().navigate(base.resolve("/check").toString());
        page().getByTestId("check-start").click();
        page().locator("#check-result[data-done='true']").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE).setTimeout(RUN_TIMEOUT_MS));
        return this;
    }

    /** The report as the page's JSON form holds it. */
    Map<String, Object> report() {
        try {
            return new ObjectMapper().readValue(page().getByTestId("check-json").textContent(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps() {
        return (List<Map<String, Object>>) report().get("steps");
    }

    Map<String, Object> step(String id) {
        return steps().stream().filter(s -> id.equals(s.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id + " in " + steps()));
    }

    /** The status a step's row shows, in words. */
    String shownStatus(String id) {
        return page().locator("[data-testid='check-step'][data-step='" + id + "'] [data-testid='check-status']")
                .textContent();
    }

    String summary() {
        return page().getByTestId("check-summary").textContent();
    }

    /** A full-page screenshot into docs/images/check/, where docs/troubleshooting.md shows it. */
    void screenshot(String name) {
        Path folder = repositoryRoot().resolve("docs/images/check");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page().screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(folder.resolve(name + ".png")));
    }

    private static Path repositoryRoot() {
        for (Path candidate : List.of(Path.of(".."), Path.of("."))) {
            if (Files.isDirectory(candidate.resolve("docs")) && Files.isDirectory(candidate.resolve("web"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }
}
