package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind the Scenes in Firefox ESR (WebDriver BiDi, {@link FirefoxBidi}) in a call with Chromium: the panel
 * opened in Firefox shows, from what Firefox offers, the real offer and answer, candidates and the
 * selected pair, state changes in order and chart samples, and no field Firefox leaves out turns into an
 * error or a blank.
 */
@Tag("browser")
class BehindTheScenesFirefoxE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @TempDir
    Path folder;

    @Test
    void firefoxShowsACallWithChromiumInEverySection() throws Exception {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        try (FirefoxBidi bob = new FirefoxBidi(Files.createDirectories(folder.resolve("firefox-profile")),
                Files.createDirectories(folder.resolve("firefox-downloads")))) {
            bob.navigate(harness.baseUri().resolve("/r/" + room + "?skipPrejoin=1&name="
                    + URLEncoder.encode("Bob", StandardCharsets.UTF_8)));
            bob.waitUntil("window.__scratch?.call?.localPeerId");
            alice.waitForTile(bob.evaluateText("window.__scratch.call.localPeerId"), "connected");
            String aliceId = alice.peerId();
            String pc = "window.__scratch.call.peers.get('" + aliceId + "').pc";
            bob.waitUntil(pc + ".connectionState === 'connected'");
            // Three samples make two rates.
            bob.waitUntil("window.__scratch.recorder.trace.stats['" + aliceId + "']?.length >= 4");
            bob.evaluate("document.querySelector('[data-testid=\"bts-toggle\"]').click()");
            // The panel's modules load at the first click.
            bob.waitUntil("document.querySelector('[data-testid=\"bts-panel\"]')?.hidden === false");

            // SDP: Alice was first, so she offered; Firefox holds her offer as remote and its answer as local.
            String section = openTab(bob, "sdp");
            List<String> options = texts(bob, section, "[data-testid=\"bts-sdp-pick\"] option", "textContent");
            assertThat(options).anyMatch(o -> o.endsWith("remote offer")).anyMatch(o -> o.endsWith("local answer"));
            assertThat(bob.evaluate(section + ".querySelectorAll('.bts-explanation').length").asInt())
                    .as("explained lines").isGreaterThan(10);
            // The answer Firefox made (its localDescription has since taken the candidates in; the record holds
            // it as made): the same session, ICE credentials, certificate and media sections.
            List<String> made = List.of(bob.evaluateText(pc + ".localDescription.sdp").split("\r\n")).stream()
                    .filter(l -> l.matches("(o=|a=ice-ufrag:|a=fingerprint:|a=mid:).*")).toList();
            String recorded = bob.evaluateText("[...window.__scratch.recorder.trace.events].reverse().find((e) => "
                    + "e.kind === 'description' && e.side === 'local' && e.type === 'answer').sdp");
            assertThat(made).hasSizeGreaterThanOrEqualTo(6);
            assertThat(List.of(recorded.split("\r\n"))).as("the answer Firefox made").containsAll(made);

            // ICE: this side's candidates, the other's, and the selected pair as Firefox's getStats names it.
            section = openTab(bob, "ice");
            bob.waitUntil(section + ".querySelector('[data-testid=\"bts-candidate-pair\"][data-selected=\"true\"]')");
            Map<String, Integer> rows = typeCounts(texts(bob, section, "[data-testid=\"bts-local-candidate\"]", "dataset.type"));
            assertThat(rows).containsKey("host");
            assertThat(bob.evaluate(section + ".querySelectorAll('[data-testid=\"bts-remote-candidate\"]').length").asInt())
                    .isGreaterThan(0);
            JsonNode selected = bob.evaluate("(() => { const row = " + section
                    + ".querySelector('[data-testid=\"bts-candidate-pair\"][data-selected=\"true\"]');"
                    + " return {local: row.dataset.local, remote: row.dataset.remote, text: row.textContent}; })()");
            assertThat(selected.path("local").asText()).isNotEmpty();
            assertThat(selected.path("remote").asText()).isNotEmpty();
            assertThat(selected.path("text").asText()).contains("selected").doesNotContain("undefined").doesNotContain("NaN");

            // The story counts the same local candidates as the ICE section lists.
            section = openTab(bob, "story");
            String gathering = bob.evaluateText("[..." + section + ".querySelectorAll('.bts-story-title')]"
                    + ".map((t) => t.textContent).find((t) => t.startsWith('ICE gathering: '))");
            assertThat(storyCounts(gathering)).as(gathering).isEqualTo(rows);
            assertThat(bob.evaluate(section + ".querySelectorAll('.bts-story-line').length").asInt()).isGreaterThan(3);

            section = openTab(bob, "states");
            assertThat(stateValues(bob, section, "connectionState")).containsSubsequence("connecting", "connected");
            assertThat(stateValues(bob, section, "signalingState")).containsSubsequence("have-remote-offer", "stable");
            assertThat(stateValues(bob, section, "iceConnectionState")).containsSubsequence("checking", "connected");
            assertThat(stateValues(bob, section, "dataChannel")).contains("open");

            section = openTab(bob, "charts");
            bob.waitUntil("[..." + section + ".querySelectorAll('[data-testid=\"bts-chart\"]')]"
                    + ".every((f) => Number(f.dataset.samples) >= 3)");
            assertThat(bob.evaluate(section + ".querySelectorAll('[data-testid=\"bts-chart\"]').length").asInt()).isEqualTo(6);
            bob.waitUntil(section + ".querySelector('[data-chart=\"bitrate\"] .bts-chart-words').textContent"
                    + ".match(/video received \\d+/)");

            for (String id : List.of("story", "signaling", "sdp", "ice", "states", "charts", "server")) {
                section = openTab(bob, id);
                assertThat(bob.evaluateText(section + ".textContent")).as("the %s section in Firefox", id)
                        .isNotBlank().doesNotContain("undefined").doesNotContain("NaN").doesNotContain("[object ");
            }
        }
    }

    /** Clicks the tab and returns an expression for its section. */
    private static String openTab(FirefoxBidi browser, String id) throws InterruptedException {
        browser.evaluate("document.querySelector('[data-testid=\"bts-tab-" + id + "\"]').click()");
        String section = "document.querySelector('[data-testid=\"bts-section-" + id + "\"]')";
        browser.waitUntil("!" + section + ".hidden && " + section + ".childElementCount > 0");
        return section;
    }

    /** The {@code property} of each element matching {@code css} inside the element {@code within}. */
    private static List<String> texts(FirefoxBidi browser, String within, String css, String property) {
        List<String> list = new ArrayList<>();
        browser.evaluate("[...(" + within + ").querySelectorAll('" + css.replace("'", "\\'") + "')].map((e) => e."
                + property + ")").forEach(node -> list.add(node.asText()));
        return list;
    }

    private static List<String> stateValues(FirefoxBidi browser, String section, String which) {
        return texts(browser, section, "[data-testid=\"bts-state-change\"][data-which=\"" + which + "\"]", "dataset.value");
    }

    private static Map<String, Integer> typeCounts(List<String> types) {
        Map<String, Integer> counts = new TreeMap<>();
        types.forEach(type -> counts.merge(type, 1, Integer::sum));
        return counts;
    }

    /** "ICE gathering: 4 host, 1 srflx" as {host=4, srflx=1}. */
    private static Map<String, Integer> storyCounts(String title) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String part : title.substring("ICE gathering: ".length()).split(", ")) {
            String[] words = part.split(" ");
            counts.put(words[1], Integer.parseInt(words[0]));
        }
        return counts;
    }
}
