package org.webrtcscratch.bench.call;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.OurServerOptions;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.FreePorts;
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
 * What Behind the Scenes' recorder costs a call while its view stays closed: a two-person call in headless
 * Chromium on our server and web app, once as shipped (the recorder on) and once with {@code ?recorder=0}
 * (no recorder), at the same time on one server. Per page, from the Chrome DevTools Protocol's Performance metrics: the renderer
 * main thread's busy time (TaskDuration) and script time (ScriptDuration) per second of call, and the JS
 * heap in use after a forced garbage collection at the end.
 */
@Command(name = "bts-cost", mixinStandardHelpOptions = true,
        description = "A two-person call's renderer CPU and JS heap with the Behind the Scenes recorder on vs off.")
public final class BtsCostCommand implements Callable<Integer> {

    static final String OURS = OurServerOptions.OURS;
    static final String OFF = "recorder off";
    static final String ON = "recorder on";
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless=new", "--no-sandbox",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection",
            "--disable-gpu", "--mute-audio", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync");
    private static final double TIMEOUT_MILLIS = 60_000;
    private static final String[] METRICS = {"taskMsPerSecond", "scriptMsPerSecond", "heapMiB"};

    @Mixin
    CommonOptions common;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds measured per call (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--settle-seconds", defaultValue = "5",
            description = "Seconds between both being connected and the measurement (default: ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", description = "The browser (default: ${DEFAULT-VALUE}).")
    Path chromium;

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        int rounds;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setArgs(CHROMIUM_FLAGS))) {
            // One contender, ours: each turn runs a call with the recorder and one without at the same time on
            // one server, measured over the same seconds, so the shared machine's swings hit both alike.
            List<Contender> contenders = List.of(
                    // TURN on as shipped, on a free port: another server on the machine may hold 3478.
                    new Contender(OURS, () -> Servers.ours(env, List.of("--turn-port",
                            Integer.toString(FreePorts.tcpAndUdp())), common.ours.jvmOptions)));
            rounds = common.alternate(contenders, deadline, (contender, server, round) -> {
                // Which call starts first alternates by round.
                List<Boolean> order = round % 2 == 1 ? List.of(true, false) : List.of(false, true);
                try (Call first = new Call(browser, server, "bts-cost-" + round + "-" + order.get(0), order.get(0));
                     Call second = new Call(browser, server, "bts-cost-" + round + "-" + order.get(1), order.get(1))) {
                    first.awaitConnected();
                    second.awaitConnected();
                    first.alice.waitForTimeout(settleSeconds * 1000.0);
                    first.start();
                    second.start();
                    first.alice.waitForTimeout(seconds * 1000.0);
                    for (Call call : List.of(first, second)) {
                        String name = call.recorder ? ON : OFF;
                        call.finish().forEach((who, values) -> {
                            for (int i = 0; i < METRICS.length; i++) {
                                results.add(name, round, 0, METRICS[i], values[i]);
                            }
                            System.out.printf("  %s, %s: main thread %.1f ms/s (script %.1f ms/s), heap %.1f MiB%n",
                                    name, who, values[0], values[1], values[2]);
                        });
                    }
                }
            });
        }
        return common.finish(env, "bts-cost", results, () -> report(env, rounds),
                () -> new Goals().atMost("main-thread time with the recorder ≤ 10% over without it (on/off)",
                        results.ratio(ON, OFF, 0, "taskMsPerSecond"), 1.10),
                () -> new BarChart("Renderer main thread during a call, view closed", "", "ms busy per second")
                        .bar("two-person call", OFF, results.spread(OFF, 0, "taskMsPerSecond"))
                        .bar("two-person call", ON, results.spread(ON, 0, "taskMsPerSecond"))
                        .write(env.imageDir().resolve("bts-cost.png")));
    }

    /** One call of Alice and Bob, each in a fresh context, with the recorder or without. */
    private final class Call implements AutoCloseable {
        final boolean recorder;
        final Page alice;
        private final BrowserContext first;
        private final BrowserContext second;
        private final Map<String, Page> pages;
        private final Map<String, CDPSession> sessions = new HashMap<>();
        private final Map<String, JsonObject> before = new HashMap<>();
        private long start;

        Call(Browser browser, ServerProcess server, String room, boolean recorder) {
            this.recorder = recorder;
            String base = "http://127.0.0.1:" + server.port() + "/r/" + room + "?skipPrejoin=1"
                    + (recorder ? "" : "&recorder=0") + "&name=";
            first = browser.newContext();
            second = browser.newContext();
            alice = first.newPage();
            pages = Map.of("Alice", alice, "Bob", second.newPage());
            pages.forEach((who, page) -> page.navigate(base + who));
        }

        void awaitConnected() {
            for (Page page : pages.values()) {
                awaitTrue(page, "() => { const peer = window.__scratch?.call?.peers.values().next().value;"
                        + " return peer?.pc.connectionState === 'connected'; }");
                if (recorder != Boolean.TRUE.equals(page.evaluate("() => Boolean(window.__scratch.recorder)"))) {
                    throw new IllegalStateException("the page's recorder is not " + (recorder ? "on" : "off"));
                }
            }
        }

        /** Takes each page's metrics at the start of the measured seconds. */
        void start() {
            pages.forEach((who, page) -> {
                CDPSession session = page.context().newCDPSession(page);
                session.send("Performance.enable");
                sessions.put(who, session);
                before.put(who, metrics(session));
            });
            start = System.nanoTime();
        }

        /** Per page since {@link #start}: main-thread ms/s, script ms/s, then the heap after a GC in MiB. */
        Map<String, double[]> finish() {
            Map<String, double[]> measured = new HashMap<>();
            sessions.forEach((who, session) -> {
                JsonObject after = metrics(session);
                double elapsed = (System.nanoTime() - start) / 1e9;
                JsonObject was = before.get(who);
                session.send("HeapProfiler.collectGarbage");
                double heap = metrics(session).get("JSHeapUsedSize").getAsDouble() / (1024 * 1024);
                measured.put(who, new double[] {
                    1000 * (after.get("TaskDuration").getAsDouble() - was.get("TaskDuration").getAsDouble()) / elapsed,
                    1000 * (after.get("ScriptDuration").getAsDouble() - was.get("ScriptDuration").getAsDouble()) / elapsed,
                    heap});
            });
            return measured;
        }

        @Override
        public void close() {
            first.close();
            second.close();
        }
    }

    /** Performance.getMetrics as name → value. */
    private static JsonObject metrics(CDPSession session) {
        JsonObject byName = new JsonObject();
        session.send("Performance.getMetrics").getAsJsonArray("metrics").forEach(element -> {
            JsonObject metric = element.getAsJsonObject();
            byName.add(metric.get("name").getAsString(), metric.get("value"));
        });
        return byName;
    }

    private static void awaitTrue(Page page, String condition) {
        long deadline = System.nanoTime() + (long) (TIMEOUT_MILLIS * 1_000_000);
        while (!Boolean.TRUE.equals(page.evaluate(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not true within " + TIMEOUT_MILLIS + " ms on " + page.url() + ": " + condition);
            }
            page.waitForTimeout(100);
        }
    }

    private String report(BenchEnvironment env, int rounds) {
        MarkdownTable table = new MarkdownTable("per page", "calls × pages", "main thread busy, ms/s (min–max)",
                "script, ms/s (min–max)", "JS heap after GC, MiB (min–max)");
        for (String contender : List.of(OFF, ON)) {
            Spread task = results.spread(contender, 0, "taskMsPerSecond");
            table.row(contender, Integer.toString(task.samples()), task.format("%.1f"),
                    results.spread(contender, 0, "scriptMsPerSecond").format("%.1f"),
                    results.spread(contender, 0, "heapMiB").format("%.1f"));
        }
        MarkdownTable ratios = new MarkdownTable("on/off, paired by round", "median (min–max)");
        for (String metric : METRICS) {
            ratios.row(metric, results.ratio(ON, OFF, 0, metric).format("%.2f"));
        }
        return "### Behind the Scenes recorder cost in Chromium (`bench/run.sh bts-cost`)\n\n"
                + RunInfo.describe(env, RunInfo.command(env, "sh", "-c", "/usr/bin/chromium --version 2>/dev/null | tail -1")
                        + " headless, fake camera and microphone") + " " + rounds + " round(s), a fresh server each. In each"
                + " round two calls run at the same time on that server, one with the recorder and one without, so the"
                + " machine's swings hit both alike (which one starts first alternates by round): Alice and Bob open"
                + " `/r/ROOM?skipPrejoin=1` (with `&recorder=0` for off), each in a context of one browser; once all four"
                + " are connected and " + settleSeconds + " s have passed, each page's Chrome DevTools Performance"
                + " metrics are read over the same " + seconds + " s: TaskDuration and"
                + " ScriptDuration of the renderer's main thread per second of call, then the JS heap in use after a"
                + " forced garbage collection. The view stays closed throughout: this is what recording costs a call"
                + " that never opens it.\n\n" + table + "\n" + ratios + "\n![Recorder cost](img/bts-cost.png)\n";
    }
}
