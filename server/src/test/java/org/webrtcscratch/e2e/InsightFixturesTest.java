package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real browser output the insight modules' tests read ({@code web/test/fixtures/}): SDPs and getStats()
 * samples of a loopback call (audio, video, data channel) in Chromium and in Firefox ESR, and a
 * chrome://webrtc-internals dump. Each test makes them afresh and checks that the kept files still read the
 * same way as the fresh ones (same media sections, codecs, explained lines), so a browser update that
 * changes what the parsers see fails here. Run with {@code -Dinsight.record=true} to replace the kept files
 * with the fresh ones (see docs/trace-format.md); without it the fresh ones go to
 * {@code target/insight-fresh/} for a look.
 */
@Tag("browser")
class InsightFixturesTest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withWebDir(WebFolder.find()));

    private static final boolean RECORD = Boolean.getBoolean("insight.record");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the insight parsers make of an SDP, reduced to what a browser update must not silently change. */
    private static final String SDP_SUMMARY = """
            async (sdp) => {
              const {parseSdp} = await import('/js/insight/sdp.js');
              const parsed = parseSdp(sdp);
              const explained = (lines) => [...new Set(lines.filter((line) => line.explanation)
                  .map((line) => line.type))].sort();
              return JSON.stringify({
                bundle: parsed.session.bundle.length,
                session: explained(parsed.session.lines),
                media: parsed.media.map((section) => ({
                  kind: section.kind, protocol: section.protocol, direction: section.direction,
                  codecs: [...new Set(section.codecs.map((codec) => codec.name))].sort(),
                  explained: explained(section.lines).filter((type) => type !== 'a=candidate'),
                })),
              });
            }
            """;

    /** What the insight modules make of a webrtc-internals dump, reduced to what must not silently change. */
    private static final String DUMP_SUMMARY = """
            async (text) => {
              const {fromInternalsDump} = await import('/js/insight/internals-dump.js');
              const trace = fromInternalsDump(JSON.parse(text));
              return JSON.stringify(trace.peers.map(({peerId}) => {
                const events = trace.events.filter((event) => event.peerId === peerId);
                const samples = trace.stats[peerId];
                return {
                  descriptions: events.filter((e) => e.kind === 'description').map((e) => `${e.side} ${e.type}`),
                  kinds: [...new Set(events.map((e) => e.kind))].sort(),
                  states: [...new Set(events.filter((e) => e.kind === 'state').map((e) => e.which))].sort(),
                  sampled: samples.length > 1,
                  types: [...new Set(samples.flatMap((s) => Object.values(s.report).map((r) => r.type)))].sort(),
                };
              }).sort((a, b) => a.descriptions.join().localeCompare(b.descriptions.join())));
            }
            """;

    @Test
    void chromiumRecordingsReadAsKept() {
        Participant page = harness.person("chromium-loopback");
        page.page().navigate(harness.baseUri().resolve("/index.html").toString());
        JsonNode call = readJson((String) page.evaluate(BrowserHarness.script("loopback-call.js")));
        checkSdps("chromium", call);
        checkStats("chromium", call, "transport", "data-channel");
    }

    @Test
    void firefoxRecordingsReadAsKept(@TempDir Path folder) throws IOException, InterruptedException {
        JsonNode call;
        try (FirefoxBidi firefox = new FirefoxBidi(Files.createDirectories(folder.resolve("profile")),
                Files.createDirectories(folder.resolve("downloads")))) {
            firefox.navigate(harness.baseUri().resolve("/index.html"));
            call = readJson(firefox.evaluateText("(" + BrowserHarness.script("loopback-call.js") + ")()"));
        }
        assertThat(call.path("userAgent").asText()).contains("Firefox");
        checkSdps("firefox", call);
        checkStats("firefox", call, "transport", "data-channel");
    }

    @Test
    void webrtcInternalsDumpReadsAsKept() throws IOException {
        Participant person = harness.person("internals-dump");
        Page internals = WebrtcInternals.open(person.context());
        person.page().navigate(harness.baseUri().resolve("/index.html").toString());
        person.evaluate(BrowserHarness.script("loopback-call.js"));
        String fresh = sampledDump(person, internals);
        Object freshTrace = person.evaluate(DUMP_SUMMARY, fresh);

        Path kept = fixtures().resolve("webrtc-internals-dump.json");
        keep(kept, fresh);
        assertThat(freshTrace).asString().contains("\"local offer\",\"remote answer\"", "\"remote offer\",\"local answer\"");
        assertThat(person.evaluate(DUMP_SUMMARY, Files.readString(kept)))
                .as("the kept dump reads as a fresh one does (re-record with -Dinsight.record=true if Chromium "
                        + "changed on purpose)")
                .isEqualTo(freshTrace);
    }

    /**
     * A dump taken once webrtc-internals has sampled each connection's stats more than once. It polls about
     * once a second, and on a loaded machine the call can be over before the second poll; the connections
     * stay open, so taking the dump again a little later gets the series (bounded: 20 tries).
     */
    private static String sampledDump(Participant person, Page internals) throws IOException {
        String fresh = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            fresh = JSON.writeValueAsString(JSON.readTree(WebrtcInternals.dump(internals)));
            if (!String.valueOf(person.evaluate(DUMP_SUMMARY, fresh)).contains("\"sampled\":false")) {
                return fresh;
            }
            internals.waitForTimeout(1000);
        }
        return fresh;
    }

    private void checkSdps(String browser, JsonNode call) {
        Participant parser = harness.person(browser + "-sdp-parser");
        parser.page().navigate(harness.baseUri().resolve("/index.html").toString());
        for (Map.Entry<String, String> recording : Map.of("offer", "offer", "answer", "answer",
                "restart-offer", "restartOffer").entrySet()) {
            String fresh = call.path(recording.getValue()).asText();
            assertThat(fresh).as(browser + " " + recording.getKey()).startsWith("v=0");
            Path kept = fixtures().resolve("sdp").resolve(browser + "-" + recording.getKey() + ".sdp");
            keep(kept, fresh);
            assertThat(parser.evaluate(SDP_SUMMARY, readString(kept)))
                    .as("%s: the kept %s reads as a fresh one does (re-record with -Dinsight.record=true if the "
                            + "browser changed on purpose)", browser, kept.getFileName())
                    .isEqualTo(parser.evaluate(SDP_SUMMARY, fresh));
        }
    }

    /** The kept samples hold the same types of stats as fresh ones: the common ones and the browser's own. */
    private void checkStats(String browser, JsonNode call, String... browserTypes) {
        JsonNode fresh = call.path("samples");
        Path kept = fixtures().resolve("stats").resolve(browser + "-samples.json");
        keep(kept, writeJson(fresh));
        assertThat(statsTypes(readJson(readString(kept)))).as(browser).isEqualTo(statsTypes(fresh))
                .contains("inbound-rtp", "outbound-rtp", "remote-inbound-rtp", "candidate-pair", "local-candidate",
                        "remote-candidate")
                .contains(browserTypes);
    }

    private static List<String> statsTypes(JsonNode samples) {
        return samples.path(samples.size() - 1).path("report").valueStream().map(stats -> stats.path("type").asText())
                .distinct().sorted().toList();
    }

    /** Replaces the kept file when recording; otherwise saves the fresh one under target/ for a look. */
    private static void keep(Path kept, String fresh) {
        Path target = RECORD ? kept : Path.of("target", "insight-fresh").resolve(kept.getFileName());
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(kept).as("kept fixture (record it with -Dinsight.record=true)").isRegularFile();
    }

    private static Path fixtures() {
        return WebFolder.find().resolve("test").resolve("fixtures");
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String writeJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
