package org.webrtcscratch.bench.call;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitUntilState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.OurServerOptions;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.process.Servers;
import org.webrtcscratch.bench.report.BarChart;
import org.webrtcscratch.bench.report.Goals;
import org.webrtcscratch.bench.report.MarkdownTable;
import org.webrtcscratch.bench.report.ResultSet;
import org.webrtcscratch.bench.report.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Call setup time in real headless Chromium: from the moment the second participant opens the call page
 * until both have decoded a video frame from the other, on our server and web app, beside the same browser
 * doing the least a call needs (two peer connections in one page, no server). Both are measured by the same
 * injected script (resources/call-setup/first-frame.js).
 */
@Command(name = "call-setup", mixinStandardHelpOptions = true,
        description = "Page load to first decoded remote frame, two Chromium contexts on our app vs an in-page reference.")
public final class CallSetupCommand implements Callable<Integer> {

    static final String REFERENCE = "reference";
    static final String OURS = OurServerOptions.OURS;
    /** docs: /work/shared/BROWSER-TESTING.md; Playwright gives each launch a fresh temporary profile itself. */
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless=new", "--no-sandbox",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection",
            "--disable-gpu", "--mute-audio", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");
    private static final double TIMEOUT_MILLIS = 30_000;
    private static final double POLL_MILLIS = 25;

    @Mixin
    CommonOptions common;

    @Option(names = "--runs", defaultValue = "4", description = "Calls per contender per round (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", description = "The browser (default: ${DEFAULT-VALUE}).")
    Path chromium;

    private final ResultSet results = new ResultSet();
    /** Step name → ms since the (second) page started, per contender, every call. */
    private final Map<String, Map<String, List<Double>>> marks = new java.util.TreeMap<>();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        int rounds;
        String firstFrameScript = new String(ReferencePageServer.resource("/call-setup/first-frame.js"), StandardCharsets.UTF_8);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setArgs(CHROMIUM_FLAGS));
             ReferencePageServer reference = new ReferencePageServer()) {
            List<Contender> contenders = new java.util.ArrayList<>(List.of(new Contender(REFERENCE, () -> null)));
            for (OurServerOptions.Build build : common.ours.builds(env)) {
                contenders.add(new Contender(build.name(), () -> Servers.ours(build.env(), List.of(), common.ours.jvmOptions)));
            }
            rounds = common.alternate(contenders, deadline, (contender, server, round) -> {
                // Run 0 is a warm-up, not counted: each round starts a fresh server, whose first WebSocket
                // upgrades and joins took 40-260 ms in the interpreter against 1-3 ms once compiled (measured
                // before our own WebSocket layer); a server in service is warm. The reference gets the same
                // warm-up, for symmetry.
                for (int run = 0; run <= runs && !deadline.passed(); run++) {
                    CallTiming timing = server == null ? referenceCall(browser, firstFrameScript, reference.url())
                            : appCall(browser, firstFrameScript, server, "bench-" + round + "-" + run);
                    if (run == 0) {
                        System.out.printf("  %s warm-up call: %.0f ms%n", contender.name(), timing.millis());
                        continue;
                    }
                    results.add(contender.name(), round, 0, "setupMillis", timing.millis());
                    timing.marks().forEach((step, at) -> marks.computeIfAbsent(contender.name(), c -> new java.util.TreeMap<>())
                            .computeIfAbsent(step, k -> new java.util.ArrayList<>()).add(at));
                    System.out.printf("  %s call %d: %.0f ms %s%n", contender.name(), run, timing.millis(), timing.marks());
                }
            });
        }
        return common.finish(env, "call-setup", results, () -> report(env, rounds),
                () -> new Goals().atMost("call setup ≤ 10% over the in-page reference (ours/reference)",
                        results.ratio(OURS, REFERENCE, 0, "setupMillis"), 1.10),
                () -> new BarChart("Call setup: page load to first decoded remote frame", "", "milliseconds")
                        .bar("two-party call", "in-page reference", results.spread(REFERENCE, 0, "setupMillis"))
                        .bar("two-party call", "ours", results.spread(OURS, 0, "setupMillis"))
                        .write(env.imageDir().resolve("call-setup.png")));
    }

    /** Call setup time, and when each step first happened (ms since the measured page started). */
    private record CallTiming(double millis, Map<String, Double> marks) { }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> marksOf(Page page) {
        Map<String, Object> raw = (Map<String, Object>) page.evaluate("() => window.__benchFirstFrame.marks");
        Map<String, Double> marks = new java.util.LinkedHashMap<>();
        raw.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Double.compare(((Number) a).doubleValue(),
                ((Number) b).doubleValue()))).forEach(e -> marks.put(e.getKey(), Math.rint(((Number) e.getValue()).doubleValue())));
        return marks;
    }

    /** One page, two peer connections: from page start until both decoded a frame. */
    private static CallTiming referenceCall(Browser browser, String script, String url) {
        try (BrowserContext context = browser.newContext()) {
            context.addInitScript(script);
            Page page = context.newPage();
            page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            awaitTrue(page, "() => { const b = window.__benchFirstFrame;"
                    + " return Boolean(b) && b.firstFrameAt.length === 2 && b.firstFrameAt.every((t) => t > 0); }");
            return new CallTiming(((Number) page.evaluate("() => { const b = window.__benchFirstFrame;"
                    + " return Math.max(...b.firstFrameAt) - b.pageStart; }")).doubleValue(), marksOf(page));
        }
    }

    /**
     * Two contexts (two people): the first is in the call, then the second opens the page; from the second's
     * page start until both decoded a frame of the other.
     */
    private static CallTiming appCall(Browser browser, String script, ServerProcess server, String room) {
        String base = "http://127.0.0.1:" + server.port() + "/r/" + room + "?skipPrejoin=1&name=";
        try (BrowserContext first = browser.newContext(); BrowserContext second = browser.newContext()) {
            first.addInitScript(script);
            second.addInitScript(script);
            Page alice = first.newPage();
            Page bob = second.newPage();
            alice.navigate(base + "Alice");
            alice.waitForFunction("() => window.__scratch && window.__scratch.call.state === 'in-call'", null,
                    new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MILLIS));
            bob.navigate(base + "Bob", new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            String decoded = "() => { const b = window.__benchFirstFrame;"
                    + " return Boolean(b) && b.firstFrameAt.length >= 1 && b.firstFrameAt[0] > 0; }";
            awaitTrue(bob, decoded);
            awaitTrue(alice, decoded);
            double bobStart = ((Number) bob.evaluate("() => window.__benchFirstFrame.pageStart")).doubleValue();
            double bobFrame = ((Number) bob.evaluate("() => window.__benchFirstFrame.firstFrameAt[0]")).doubleValue();
            double aliceFrame = ((Number) alice.evaluate("() => window.__benchFirstFrame.firstFrameAt[0]")).doubleValue();
            return new CallTiming(Math.max(bobFrame, aliceFrame) - bobStart, marksOf(bob));
        }
    }

    /**
     * Polls {@code condition} with plain evaluations. Not {@code waitForFunction}: that injects Playwright's own
     * script (~20–30 ms of the renderer's main thread here) into the page and polls it every animation frame,
     * which landed in the middle of our page's load but after the reference page's load, so it charged one
     * contender only. The times themselves are taken inside the page, so the polling period does not matter.
     */
    private static void awaitTrue(Page page, String condition) {
        long deadline = System.nanoTime() + (long) (TIMEOUT_MILLIS * 1_000_000);
        while (!Boolean.TRUE.equals(page.evaluate(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not true within " + TIMEOUT_MILLIS + " ms on " + page.url() + ": " + condition);
            }
            page.waitForTimeout(POLL_MILLIS);
        }
    }

    private String report(BenchEnvironment env, int rounds) {
        Spread reference = results.spread(REFERENCE, 0, "setupMillis");
        Spread ours = results.spread(OURS, 0, "setupMillis");
        double overhead = 100 * (ours.median() / reference.median() - 1);
        MarkdownTable table = new MarkdownTable("", "calls", "median ms (min–max)", "overhead over the reference")
                .row("in-page reference", Integer.toString(reference.samples()), reference.format("%.0f"), "")
                .row("ours (server + web app)", Integer.toString(ours.samples()), ours.format("%.0f"),
                        Double.isNaN(overhead) ? "–" : String.format("%+.0f%%", overhead));
        MarkdownTable steps = new MarkdownTable("step (first time it happened)", "reference: median ms since page start",
                "ours (Bob's page): median ms since page start");
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        marks.values().forEach(m -> names.addAll(m.keySet()));
        names.stream().sorted(java.util.Comparator.comparingDouble(name -> Double.isNaN(stepMedian(OURS, name))
                        ? stepMedian(REFERENCE, name) : stepMedian(OURS, name)))
                .forEach(name -> steps.row(name, format(stepMedian(REFERENCE, name)), format(stepMedian(OURS, name))));
        return "### Call setup in Chromium (`bench/run.sh call-setup`)\n\n"
                + RunInfo.describe(env, RunInfo.command(env, "sh", "-c", "/usr/bin/chromium --version 2>/dev/null | tail -1")
                        + " headless, fake camera and microphone") + " " + rounds + " round(s) of " + runs
                + " calls each (after one warm-up call that is not counted, so that a freshly started server has"
                + " compiled its hot paths), reference and ours in turn, one browser process, fresh contexts per call. Ours:"
                + " Alice opens `/r/ROOM?skipPrejoin=1&name=Alice` and is in the call; then Bob opens the page; time from Bob's"
                + " page start (`performance.timeOrigin`) until both have decoded a video frame from the other."
                + " Reference: one page, camera and microphone twice, two RTCPeerConnections wired in memory;"
                + " time from page start until both decoded a frame. Both measured by the same injected script"
                + " (getStats every 5 ms).\n\n" + table + "\n![Call setup](img/call-setup.png)\n\n"
                + "Where the time goes: the same script marks the first time each step happened (Bob's page for"
                + " ours; `sent`/`received` are signaling messages, `connection` the RTCPeerConnection state).\n\n" + steps;
    }

    private double stepMedian(String contender, String step) {
        List<Double> values = marks.getOrDefault(contender, Map.of()).get(step);
        return values == null ? Double.NaN : Spread.of(values).median();
    }

    private static String format(double millis) {
        return Double.isNaN(millis) ? "–" : String.format("%.0f", millis);
    }
}
