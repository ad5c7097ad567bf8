package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.turn.TurnSettings;

/**
 * Behind the Scenes on real calls in Chromium: each section of the view holds what the call really did
 * (checked against the page's own RTCPeerConnection), the exported trace and a webrtc-internals dump made
 * here load into /trace. Screenshots of each section go to {@code target/behind-the-scenes/}, or to the
 * folder named by {@code -Dbts.screenshots} (docs/behind-the-scenes.md says how to regenerate its images).
 */
@Tag("browser")
class BehindTheScenesE2ETest {

    /** With our TURN server on loopback, so that a relay-only call can go through it. */
    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnSettings.onLoopback()));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of(System.getProperty("bts.screenshots", "target/behind-the-scenes"));

    /** What the page's own connection to {@code peerId} says: descriptions, candidate types, selected pair. */
    private static final String CONNECTION_FACTS = """
            async (peerId) => {
              const pc = window.__scratch.call.peers.get(peerId).pc;
              const report = await pc.getStats();
              const stats = [...report.values()];
              const transport = stats.find((s) => s.type === 'transport');
              const pair = report.get(transport?.selectedCandidatePairId);
              const applied = (side, type) => window.__descriptions.find((d) => d.side === side && d.type === type)?.sdp;
              return {
                localOffer: applied('local', 'offer'), remoteAnswer: applied('remote', 'answer'),
                turnPassword: pc.getConfiguration().iceServers.find((s) => s.credential)?.credential ?? null,
                localCandidateTypes: [...new Set(stats.filter((s) => s.type === 'local-candidate')
                    .map((s) => s.candidateType))].sort(),
                selectedLocal: pair ? report.get(pair.localCandidateId).candidateType : null,
                selectedRemote: pair ? report.get(pair.remoteCandidateId).candidateType : null,
              };
            }""";

    @Test
    void aTwoPersonCallIsShownSectionBySectionAndItsExportLoadsIntoTheViewer() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", BrowserHarness.script("record-descriptions.js"));
        Page page = alice.page();
        page.setViewportSize(1280, 860);
        // Opened before Bob comes, so that the server reports the signals it relays between them.
        openPanel(page);
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);
        alice.waitFramesDecodedFrom(bob);
        String bobId = bob.peerId();
        // Three samples make two rates; the view redraws within a second of them.
        alice.waitUntil("id => window.__scratch.recorder.trace.stats[id]?.length >= 4", bobId);
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) alice.evaluate(CONNECTION_FACTS, bobId);

        Locator story = section(page, "story");
        assertThat(story.locator(".bts-story-line").count()).as("story lines").isGreaterThan(3);
        story.locator("summary").first().click();
        screenshot(page, "story");

        Locator log = section(page, "signaling");
        Locator offers = log.locator("li[data-type='signal']").filter(new Locator.FilterOptions().setHasText("(offer)"));
        Locator answers = log.locator("li[data-type='signal']").filter(new Locator.FilterOptions().setHasText("(answer)"));
        assertThat(offers.count()).as("offers in the signaling log").isGreaterThanOrEqualTo(1);
        assertThat(answers.count()).as("answers in the signaling log").isGreaterThanOrEqualTo(1);
        assertThat(log.locator("li[data-type='welcome']").count()).isEqualTo(1);
        assertThat(log.textContent()).doesNotContain("resumeToken\": \"").contains("Bob");
        offers.first().locator("summary").click();
        screenshot(page, "signaling-log");

        // Alice was in the room first, so she made the offer: the viewer holds her real one and Bob's answer.
        assertThat(facts.get("localOffer")).as("Alice's first local description").isNotNull();
        offers.first().getByText("Open this offer in the SDP viewer").click();
        Locator sdp = page.getByTestId("bts-section-sdp");
        assertThat(sdp.isVisible()).isTrue();
        assertThat(shownSdp(sdp)).isEqualTo(sdpLines((String) facts.get("localOffer")));
        assertThat(sdp.getByTestId("bts-sdp-shown").getAttribute("data-type")).isEqualTo("offer");
        assertThat(sdp.locator(".bts-explanation").count()).as("explained lines").isGreaterThan(10);
        screenshot(page, "sdp");
        String remoteAnswer = sdp.getByTestId("bts-sdp-pick").locator("option")
                .filter(new Locator.FilterOptions().setHasText("remote answer")).first().getAttribute("value");
        sdp.getByTestId("bts-sdp-pick").selectOption(remoteAnswer);
        assertThat(shownSdp(sdp)).isEqualTo(sdpLines((String) facts.get("remoteAnswer")));

        Locator ice = section(page, "ice");
        List<String> shownTypes = stringList(ice.getByTestId("bts-local-candidate")
                .evaluateAll("rows => [...new Set(rows.map((r) => r.dataset.type))].sort()"));
        assertThat(shownTypes).as("local candidate types shown").contains("host")
                .containsExactlyElementsOf(stringList(facts.get("localCandidateTypes")));
        assertThat(ice.getByTestId("bts-remote-candidate").count()).isGreaterThan(0);
        Locator selected = ice.locator("[data-testid='bts-candidate-pair'][data-selected='true']");
        alice.waitUntil("() => document.querySelector(\"[data-testid='bts-candidate-pair'][data-selected='true']\")", null);
        assertThat(selected.count()).isEqualTo(1);
        assertThat(selected.textContent()).contains("selected");
        assertThat(selected.getAttribute("data-local")).isEqualTo(facts.get("selectedLocal"));
        assertThat(selected.getAttribute("data-remote")).isEqualTo(facts.get("selectedRemote"));
        screenshot(page, "ice");

        Locator states = section(page, "states");
        assertThat(stateValues(states, "connectionState")).containsSubsequence("connecting", "connected");
        assertThat(stateValues(states, "signalingState")).containsSubsequence("have-local-offer", "stable");
        assertThat(stateValues(states, "iceGatheringState")).containsSubsequence("gathering", "complete");
        assertThat(stateValues(states, "dtlsState")).containsSubsequence("connecting", "connected");
        assertThat(stateValues(states, "dataChannel")).contains("open");
        screenshot(page, "states");

        Locator charts = section(page, "charts");
        alice.waitUntil("() => [...document.querySelectorAll(\"[data-testid='bts-chart']\")]"
                + ".every((f) => Number(f.dataset.samples) >= 3)", null);
        assertThat(charts.getByTestId("bts-chart").count()).isEqualTo(6);
        assertThat(charts.locator("[data-chart='bitrate'] .bts-chart-words").textContent())
                .matches(".*video received \\d+.*");
        screenshot(page, "charts");

        Locator server = section(page, "server");
        alice.waitUntil("() => document.querySelector(\"[data-testid='bts-server-relayed']\")", null);
        screenshot(page, "server-relayed");

        // Nothing scrolls sideways, at this size or on a phone, where the panel is a full-screen sheet.
        for (int[] size : new int[][] {{1280, 860}, {390, 844}}) {
            page.setViewportSize(size[0], size[1]);
            for (String id : List.of("story", "signaling", "sdp", "ice", "states", "charts", "server")) {
                section(page, id);
                assertNoSidewaysScroll(page, id);
            }
        }
        section(page, "sdp");
        screenshot(page, "phone-sdp");
        page.setViewportSize(1280, 860);

        // Export: a real download, which the viewer then reads back.
        Download download = page.waitForDownload(() -> page.getByTestId("bts-export").click());
        JsonNode exported = JSON.readTree(Files.readString(download.path()));
        assertThat(exported.path("format").asText()).isEqualTo("webrtc-scratch-trace");
        assertThat(exported.path("story").size()).as("the story, for readers of the file").isGreaterThan(3);
        String turnPassword = (String) facts.get("turnPassword");
        assertThat(turnPassword).as("the TURN password the page was given").isNotBlank();
        assertThat(exported.toString()).as("nothing secret in the file").doesNotContain(turnPassword)
                .doesNotContain("\"credential\":").contains("\"resumeToken\":\"[redacted]\"");
        Page viewer = openTrace(alice, download.path());
        assertThat(viewer.getByTestId("trace-summary").getAttribute("data-events"))
                .isEqualTo(String.valueOf(exported.path("events").size()));
        assertThat(viewer.getByTestId("trace-summary").getAttribute("data-peers")).isEqualTo("1");
        long descriptions = exported.path("events").valueStream()
                .filter(e -> e.path("kind").asText().equals("description")).count();
        viewer.getByTestId("bts-tab-sdp").click();
        assertThat(viewer.getByTestId("bts-sdp-pick").locator("option").count()).isEqualTo((int) descriptions);
        viewer.getByTestId("bts-tab-signaling").click();
        assertThat(viewer.getByTestId("bts-signaling-log").locator("li").count()).isEqualTo((int)
                exported.path("events").valueStream().filter(e -> e.path("kind").asText().equals("signaling-frame")).count());
        // Replay: the slider at its start shows the call's first moment only.
        viewer.getByLabel("Replay up to").fill("0");
        assertThat(viewer.getByTestId("bts-signaling-log").locator("li").count()).isLessThanOrEqualTo(1);
        // Halfway through, for the picture: the story as it stood then.
        int steps = Integer.parseInt(viewer.getByLabel("Replay up to").getAttribute("max"));
        viewer.getByLabel("Replay up to").fill(String.valueOf(steps / 2));
        viewer.getByTestId("bts-tab-story").click();
        viewer.setViewportSize(1280, 860);
        screenshot(viewer, "trace-viewer");
    }

    @Test
    void aRelayOnlyCallShowsTheRelayPairAndTheServersSideOfTheAllocation() throws IOException {
        String room = BrowserHarness.newRoom();
        String useUdp = "window.__turnTransport = 'udp';";
        String relayOnly = BrowserHarness.script("relay-only.js");
        Participant alice = harness.join(room, "Alice", useUdp, relayOnly);
        Page page = alice.page();
        page.setViewportSize(1280, 860);
        // Opened first: the server reports this page's TURN allocation from its creation on.
        openPanel(page);
        Participant bob = harness.join(room, "Bob", useUdp, relayOnly);
        alice.waitConnectedTo(bob);
        alice.waitFramesDecodedFrom(bob);
        int turnPort = harness.server().turn().orElseThrow().port();

        Locator ice = section(page, "ice");
        alice.waitUntil("() => document.querySelector(\"[data-testid='bts-candidate-pair'][data-selected='true']\")", null);
        Locator selected = ice.locator("[data-testid='bts-candidate-pair'][data-selected='true']");
        assertThat(selected.getAttribute("data-local")).isEqualTo("relay");
        assertThat(selected.getAttribute("data-remote")).isEqualTo("relay");
        assertThat(selected.textContent()).contains("selected");
        Locator relayCandidates = ice.locator("[data-testid='bts-local-candidate'][data-type='relay']");
        assertThat(relayCandidates.count()).isGreaterThan(0);
        assertThat(relayCandidates.first().textContent()).contains("turn:127.0.0.1:" + turnPort);
        screenshot(page, "ice-relay");

        Locator server = section(page, "server");
        alice.waitUntil("() => document.querySelector(\"[data-testid='bts-server-allocation'][data-action='allocated']\")", null);
        // turn-usage comes about once a second while observing; the view redraws within a second of it.
        alice.waitUntil("() => [...document.querySelectorAll(\"[data-testid='bts-turn-usage']\")]"
                + ".some((row) => Number(row.dataset.bytesToPeer) > 0 && Number(row.dataset.bytesToClient) > 0)", null);
        assertThat(server.textContent()).contains("udp");
        screenshot(page, "server-turn");
    }

    /**
     * Whether Alice's connection to {@code peerId} is stable again and her recorder holds, as its latest local
     * description, one that holds {@code text} at least {@code count} times.
     */
    private static final String LATEST_LOCAL_HAS = """
            ([id, text, count]) => {
              const latest = window.__scratch.recorder.trace.events
                  .filter((e) => e.kind === 'description' && e.peerId === id && e.side === 'local').at(-1);
              return window.__scratch.call.peers.get(id).pc.signalingState === 'stable'
                  && (latest?.sdp.split(text).length ?? 1) - 1 >= count;
            }""";
    private static final String LOCAL_UFRAG = "id => window.__scratch.call.peers.get(id).pc.localDescription.sdp"
            + ".match(/a=ice-ufrag:(\\S+)/)[1]";

    @Test
    void aRenegotiationAndAnIceRestartShowAsDiffsOfSuccessiveDescriptions() throws IOException {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Page page = alice.page();
        page.setViewportSize(1280, 860);
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);
        String bobId = bob.peerId();
        alice.waitUntil(LATEST_LOCAL_HAS, List.of(bobId, "\nm=video ", 1));

        // A screen share adds a video track: Alice offers again, with a second video section.
        page.getByTestId("screen-share").click();
        alice.waitUntil(LATEST_LOCAL_HAS, List.of(bobId, "\nm=video ", 2));
        openPanel(page);
        Locator sdp = section(page, "sdp");
        Locator compare = latestLocalOffer(sdp);
        assertThat(compare.locator("summary").textContent()).startsWith("Compare with the previous local description");
        Locator added = compare.locator("[data-testid='bts-sdp-diff'] section[data-status='added']");
        assertThat(added.count()).as("media sections the share added").isGreaterThanOrEqualTo(1);
        assertThat(added.locator("li.added code").allTextContents()).anyMatch(line -> line.startsWith("m=video"));
        compare.evaluate("details => details.scrollIntoView({block: 'start'})");
        screenshot(page, "sdp-diff");

        // An ICE restart: the next offer carries new ICE credentials, and the diff shows the old and new ufrag.
        String oldUfrag = (String) alice.evaluate(LOCAL_UFRAG, bobId);
        alice.evaluate("id => window.__scratch.call.peers.get(id).pc.restartIce()", bobId);
        alice.waitUntil("([id, old]) => !window.__scratch.call.peers.get(id).pc.localDescription.sdp"
                + ".includes('a=ice-ufrag:' + old + '\\r')", List.of(bobId, oldUfrag));
        String newUfrag = (String) alice.evaluate(LOCAL_UFRAG, bobId);
        alice.waitUntil(LATEST_LOCAL_HAS, List.of(bobId, "a=ice-ufrag:" + newUfrag + "\r", 1));
        Locator diff = latestLocalOffer(sdp).getByTestId("bts-sdp-diff");
        assertThat(diff.locator("li.added code").allTextContents()).contains("a=ice-ufrag:" + newUfrag);
        assertThat(diff.locator("li.removed code").allTextContents()).contains("a=ice-ufrag:" + oldUfrag)
                .doesNotContain("a=ice-ufrag:" + newUfrag);
    }

    /** Shows the latest local offer in the SDP viewer and opens its comparison with the one before. */
    private static Locator latestLocalOffer(Locator sdp) {
        // The view redraws within a second of a change: wait until its picker lists every description recorded.
        sdp.page().waitForFunction("() => document.querySelectorAll(\"[data-testid='bts-sdp-pick'] option\").length"
                + " === window.__scratch.recorder.trace.events.filter((e) => e.kind === 'description').length");
        Locator offers = sdp.getByTestId("bts-sdp-pick").locator("option")
                .filter(new Locator.FilterOptions().setHasText("local offer"));
        sdp.getByTestId("bts-sdp-pick").selectOption(offers.last().getAttribute("value"));
        Locator compare = sdp.locator("details.bts-sdp-compare");
        // The view keeps a comparison open across redraws, so it may be open already.
        if (compare.getAttribute("open") == null) {
            compare.locator("summary").click();
        }
        compare.getByTestId("bts-sdp-diff").waitFor();
        return compare;
    }

    @Test
    void aWebrtcInternalsDumpOfThisChromiumLoadsIntoTheViewer() throws IOException {
        Participant person = harness.person("internals-dump");
        // webrtc-internals records only what happens while it is open, so it opens before the call.
        Page internals = WebrtcInternals.open(person.context());
        person.page().navigate(harness.baseUri().resolve("/index.html").toString());
        JsonNode call = JSON.readTree((String) person.evaluate(BrowserHarness.script("loopback-call.js")));
        // The file as a person gets it (gzip, as the page compresses by default), not WebrtcInternals.dump's
        // unzipped text: the viewer must read it as it is.
        internals.bringToFront();
        internals.getByText("Create a WebRTC-Internals dump").click();
        // Chromium builds the dump on the page's main thread; on a loaded machine that takes a while.
        Download download = internals.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(90_000),
                () -> internals.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download the \"webrtc-internals dump\"")).click());

        Page viewer = openTrace(person, download.path());
        assertThat(viewer.getByTestId("trace-summary").textContent()).startsWith("webrtc-internals dump");
        assertThat(Integer.parseInt(viewer.getByTestId("trace-summary").getAttribute("data-peers")))
                .as("the call's two connections").isGreaterThanOrEqualTo(2);
        viewer.getByTestId("bts-tab-sdp").click();
        List<String> options = viewer.getByTestId("bts-sdp-pick").locator("option").allTextContents();
        assertThat(options).anyMatch(o -> o.contains("local offer")).anyMatch(o -> o.contains("remote answer"));
        // The offer the dump holds is the one the page made (which the page took after gathering, with its
        // candidates in it; the dump has it as set, before them): the same session, ICE credentials and certificate.
        String offerValue = viewer.getByTestId("bts-sdp-pick").locator("option")
                .filter(new Locator.FilterOptions().setHasText("local offer")).first().getAttribute("value");
        viewer.getByTestId("bts-sdp-pick").selectOption(offerValue);
        List<String> made = sdpLines(call.path("offer").asText()).stream()
                .filter(line -> line.startsWith("o=") || line.startsWith("a=ice-ufrag:") || line.startsWith("a=fingerprint:"))
                .toList();
        assertThat(made).hasSizeGreaterThanOrEqualTo(3);
        assertThat(shownSdp(viewer.getByTestId("bts-section-sdp"))).containsAll(made);
        viewer.getByTestId("bts-tab-ice").click();
        assertThat(viewer.locator("[data-testid='bts-candidate-pair'][data-selected='true']").count())
                .as("a selected pair per connection").isGreaterThanOrEqualTo(1);
        viewer.getByTestId("bts-tab-states").click();
        assertThat(stateValues(viewer.getByTestId("bts-section-states"), "connectionState")).contains("connected");
        viewer.getByTestId("bts-tab-charts").click();
        assertThat(viewer.getByTestId("bts-chart").count()).isGreaterThan(0);
        viewer.setViewportSize(1280, 860);
        screenshot(viewer, "internals-dump");
    }

    private static Locator section(Page page, String id) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tabName(id))).click();
        Locator section = page.getByTestId("bts-section-" + id);
        section.waitFor();
        return section;
    }

    private static String tabName(String id) {
        return switch (id) {
            case "story" -> "Story";
            case "signaling" -> "Signaling log";
            case "sdp" -> "SDP viewer";
            case "ice" -> "ICE";
            case "states" -> "States";
            case "charts" -> "Live charts";
            case "server" -> "The server's side";
            default -> throw new IllegalArgumentException(id);
        };
    }

    /** What scrolls sideways in the page, the panel, its tabs or the section {@code id}, and its widest part. */
    private static final String SIDEWAYS = """
            (id) => [document.documentElement, document.querySelector('[data-testid="bts-panel"]'),
                document.querySelector('.bts-tabs'), document.querySelector(`[data-testid="bts-section-${id}"]`)]
              .filter((e) => e && e.scrollWidth > e.clientWidth + 1)
              .map((e) => {
                // The innermost part that overflows its own box (a long word in a narrow cell), else the widest.
                const parts = [...e.querySelectorAll('*')];
                const widest = parts.reverse().find((p) => p.scrollWidth > p.clientWidth + 1 && p.clientWidth > 0)
                    ?? parts.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
                return `${e.className || e.tagName}: ${e.scrollWidth} > ${e.clientWidth}, widest `
                    + `${widest?.tagName}.${widest?.className}: ${widest?.textContent.slice(0, 60)}`;
              })""";

    /** Only up and down: long lines wrap, and a wide table or chart scrolls inside its own box. */
    private static void assertNoSidewaysScroll(Page page, String id) {
        assertThat(stringList(page.evaluate(SIDEWAYS, id))).as("sideways scrolling in section %s at %s", id,
                page.viewportSize().width + "×" + page.viewportSize().height).isEmpty();
    }

    private static void openPanel(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Behind the scenes")).click();
        page.getByTestId("bts-panel").waitFor();
    }

    private static Page openTrace(Participant who, Path file) {
        Page viewer = who.context().newPage();
        viewer.navigate(harness.baseUri().resolve("/trace").toString());
        viewer.getByTestId("trace-file").setInputFiles(file);
        viewer.getByTestId("bts-section-story").waitFor();
        return viewer;
    }

    private static List<String> shownSdp(Locator sdp) {
        return stringList(sdp.locator(".bts-sdp-part .bts-sdp-lines code").allTextContents());
    }

    private static List<String> sdpLines(String sdp) {
        return List.of(sdp.strip().split("\r?\n"));
    }

    private static List<String> stateValues(Locator states, String which) {
        return stringList(states.locator("[data-testid='bts-state-change'][data-which='" + which + "']")
                .evaluateAll("rows => rows.map((r) => r.dataset.value)"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return (List<String>) value;
    }

    private static void screenshot(Page page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
