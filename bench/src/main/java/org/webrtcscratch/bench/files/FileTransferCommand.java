package org.webrtcscratch.bench.files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.CommonOptions;
import org.webrtcscratch.bench.Deadline;
import org.webrtcscratch.bench.OurServerOptions;
import org.webrtcscratch.bench.RunInfo;
import org.webrtcscratch.bench.call.ReferencePageServer;
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
 * File transfer between two headless Chromium tabs on loopback, each in a browser process of its own (so that
 * each tab's renderer is known and its RSS can be sampled): our call page (file picked in the file input,
 * Accept clicked on the other side, the file written to disk as it comes) beside a minimal reference page
 * (resources/file-transfer/reference.html: one RTCDataChannel, the browser's defaults, a plain send loop with
 * the same backpressure, a receiver that only counts bytes). Throughput from the sender's first chunk to the
 * receiver's last, and each side's peak renderer RSS, for each file size.
 */
@Command(name = "file-transfer", mixinStandardHelpOptions = true,
        description = "File transfer throughput and peak tab memory, our call page vs a one-channel reference.")
public final class FileTransferCommand implements Callable<Integer> {

    static final String REFERENCE = "reference";
    static final String OURS = OurServerOptions.OURS;
    private static final long MIB = 1024 * 1024;
    private static final List<String> CHROMIUM_FLAGS = List.of("--headless=new", "--no-sandbox",
            "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection", "--disable-gpu", "--mute-audio",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** Joins without camera or microphone (the files-only use), so that no video competes for the CPU. */
    private static final String NO_MEDIA = "navigator.mediaDevices.getUserMedia = () =>"
            + " Promise.reject(new DOMException('no camera in the bench', 'NotAllowedError'));";
    /**
     * The save dialog answered with a file in the origin's private file system: the same writable stream
     * (FileSystemWritableFileStream, written as the chunks come) as a file the person picks, without a dialog.
     */
    private static final String SAVE_TO_DISK = "window.showSaveFilePicker = async ({suggestedName}) =>"
            + " (await navigator.storage.getDirectory()).getFileHandle(suggestedName, {create: true});";
    private static final double TIMEOUT_MILLIS = 600_000;

    @Mixin
    CommonOptions common;

    @Option(names = "--sizes-mib", split = ",", defaultValue = "100,1024",
            description = "File sizes in MiB (default: ${DEFAULT-VALUE}).")
    List<Integer> sizesMib;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", description = "The browser (default: ${DEFAULT-VALUE}).")
    Path chromium;

    private final ResultSet results = new ResultSet();

    @Override
    public Integer call() throws Exception {
        BenchEnvironment env = common.environment();
        Deadline deadline = common.deadline();
        Path work = Files.createTempDirectory("bench-file-transfer");
        int rounds;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             ReferencePageServer reference = new ReferencePageServer("/file-transfer/reference.html")) {
            Map<Integer, Path> files = new java.util.TreeMap<>();
            for (int size : sizesMib) {
                files.put(size, generate(work.resolve(size + "MiB.bin"), size * MIB));
            }
            List<Contender> contenders = new ArrayList<>(List.of(new Contender(REFERENCE, () -> null)));
            for (OurServerOptions.Build build : common.ours.builds(env)) {
                contenders.add(new Contender(build.name(), () -> Servers.ours(build.env(), List.of(), common.ours.jvmOptions)));
            }
            rounds = common.alternate(contenders, deadline, (contender, server, round) -> {
                for (var entry : files.entrySet()) {
                    Run run = new Run(playwright, work);
                    try {
                        Measured m = server == null ? run.reference(reference.url(), entry.getValue())
                                : run.ours(server, "bench-" + round + "-" + entry.getKey(), entry.getValue());
                        results.add(contender.name(), round, entry.getKey(), "mibPerSecond", m.mibPerSecond());
                        results.add(contender.name(), round, entry.getKey(), "senderPeakMib", m.senderPeakMib());
                        results.add(contender.name(), round, entry.getKey(), "receiverPeakMib", m.receiverPeakMib());
                        System.out.printf("  %s %d MiB: %.1f MiB/s, peak renderer RSS sender %.0f MiB, receiver %.0f MiB%n",
                                contender.name(), entry.getKey(), m.mibPerSecond(), m.senderPeakMib(), m.receiverPeakMib());
                    } finally {
                        run.close();
                    }
                }
            });
        } finally {
            deleteTree(work);
        }
        int small = sizesMib.stream().min(Integer::compare).orElseThrow();
        int large = sizesMib.stream().max(Integer::compare).orElseThrow();
        return common.finish(env, "file-transfer", results, () -> report(env, rounds), () -> {
            Goals goals = new Goals();
            for (int size : sizesMib) {
                goals.atLeast("throughput ≥ 0.9× the reference, " + size + " MiB (ours/reference)",
                        results.ratio(OURS, REFERENCE, size, "mibPerSecond"), 0.9);
            }
            for (String side : List.of("sender", "receiver")) {
                goals.atMost("peak " + side + " tab memory flat: " + large + " MiB file / " + small + " MiB file",
                        growth(side + "PeakMib", small, large), 1.25);
            }
            return goals;
        }, () -> {
            BarChart chart = new BarChart("File transfer between two Chromium tabs on loopback", "file size", "MiB/s");
            for (int size : sizesMib) {
                chart.bar(size + " MiB", "reference", results.spread(REFERENCE, size, "mibPerSecond"))
                        .bar(size + " MiB", "ours", results.spread(OURS, size, "mibPerSecond"));
            }
            chart.write(env.imageDir().resolve("file-transfer.png"));
        });
    }

    /** Ours: peak RSS with the large file over peak RSS with the small one, per round. */
    private Spread growth(String metric, int small, int large) {
        List<Double> ratios = new ArrayList<>();
        for (var m : results.all()) {
            if (m.server().equals(OURS) && m.metric().equals(metric) && m.load() == large) {
                results.all().stream().filter(s -> s.server().equals(OURS) && s.metric().equals(metric)
                        && s.load() == small && s.round() == m.round()).findFirst()
                        .ifPresent(s -> ratios.add(m.value() / s.value()));
            }
        }
        return Spread.of(ratios);
    }

    private record Measured(double mibPerSecond, double senderPeakMib, double receiverPeakMib) { }

    /** Two browsers, one tab each: the sender's and the receiver's; their renderers' RSS sampled meanwhile. */
    private final class Run implements AutoCloseable {
        private final BrowserContext sender;
        private final BrowserContext receiver;
        private final Path senderProfile;
        private final Path receiverProfile;

        Run(Playwright playwright, Path work) throws IOException {
            senderProfile = Files.createTempDirectory(work, "sender");
            receiverProfile = Files.createTempDirectory(work, "receiver");
            BrowserType.LaunchPersistentContextOptions options = new BrowserType.LaunchPersistentContextOptions()
                    .setExecutablePath(chromium).setArgs(CHROMIUM_FLAGS);
            sender = playwright.chromium().launchPersistentContext(senderProfile, options);
            receiver = playwright.chromium().launchPersistentContext(receiverProfile, options);
        }

        Measured ours(ServerProcess server, String room, Path file) {
            sender.addInitScript(NO_MEDIA);
            receiver.addInitScript(NO_MEDIA + SAVE_TO_DISK);
            String base = "http://127.0.0.1:" + server.port() + "/r/" + room + "?skipPrejoin=1&name=";
            Page alice = page(sender);
            Page bob = page(receiver);
            alice.navigate(base + "Alice");
            bob.navigate(base + "Bob");
            String connected = "() => window.__scratch?.files?.peerIds.length === 1"
                    + " && [...window.__scratch.call.peers.values()][0].channel.readyState === 'open'";
            awaitTrue(alice, connected);
            awaitTrue(bob, connected);
            // When the sender's transfer starts (the accept came) and when the receiver's is done (checked, on disk).
            String note = """
                    () => {
                      window.__bench = {};
                      window.__scratch.files.addEventListener('transfer', ({detail: {transfer}}) => {
                        transfer.addEventListener('change', () => {
                          const at = performance.timeOrigin + performance.now();
                          if (transfer.state === 'transferring' && !window.__bench.startAt) window.__bench.startAt = at;
                          if (transfer.isFinal) Object.assign(window.__bench, {doneAt: at, state: transfer.state});
                        });
                      });
                    }""";
            alice.evaluate(note);
            bob.evaluate(note);
            alice.locator("#file-input").setInputFiles(file);
            String name = file.getFileName().toString();
            bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept " + name).setExact(true)).click();
            try (RssSampler rss = new RssSampler(senderProfile, receiverProfile)) {
                awaitTrue(bob, "() => Boolean(window.__bench.doneAt)");
                String state = (String) bob.evaluate("() => window.__bench.state");
                if (!"done".equals(state)) {
                    throw new IllegalStateException("the transfer ended " + state + ": " + bob.evaluate(
                            "() => document.querySelector('[data-testid=file-transfer]').dataset.reason"));
                }
                double start = ((Number) alice.evaluate("() => window.__bench.startAt")).doubleValue();
                double done = ((Number) bob.evaluate("() => window.__bench.doneAt")).doubleValue();
                return measured(file, done - start, rss);
            }
        }

        Measured reference(String url, Path file) {
            Page send = page(sender);
            Page receive = page(receiver);
            send.navigate(url + "?role=send");
            receive.navigate(url + "?role=receive");
            awaitTrue(send, "() => Boolean(window.bench)");
            awaitTrue(receive, "() => Boolean(window.bench)");
            Object offer = send.evaluate("() => window.bench.offer()");
            Object answer = receive.evaluate("offer => window.bench.accept(offer)", offer);
            send.evaluate("answer => window.bench.answer(answer)", answer);
            send.locator("#file").setInputFiles(file);
            try (RssSampler rss = new RssSampler(senderProfile, receiverProfile)) {
                send.evaluate("() => { window.bench.send(document.getElementById('file').files[0]); }");
                awaitTrue(receive, "() => window.bench.doneAt > 0");
                long bytes = ((Number) receive.evaluate("() => window.bench.bytes")).longValue();
                if (bytes != fileSize(file)) {
                    throw new IllegalStateException("the reference received " + bytes + " of " + fileSize(file) + " bytes");
                }
                double start = ((Number) send.evaluate("() => window.bench.startAt")).doubleValue();
                double done = ((Number) receive.evaluate("() => window.bench.doneAt")).doubleValue();
                return measured(file, done - start, rss);
            }
        }

        private Measured measured(Path file, double millis, RssSampler rss) {
            return new Measured(fileSize(file) / (double) MIB / (millis / 1000), rss.peakMib(senderProfile),
                    rss.peakMib(receiverProfile));
        }

        private static Page page(BrowserContext context) {
            return context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        }

        @Override
        public void close() {
            sender.close();
            receiver.close();
            deleteTree(senderProfile);
            deleteTree(receiverProfile);
        }
    }

    /** Polls {@code condition} with plain evaluations (the times are taken inside the pages). */
    private static void awaitTrue(Page page, String condition) {
        long deadline = System.nanoTime() + (long) (TIMEOUT_MILLIS * 1_000_000);
        while (!Boolean.TRUE.equals(page.evaluate(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not true within " + TIMEOUT_MILLIS + " ms on " + page.url() + ": " + condition);
            }
            page.waitForTimeout(100);
        }
    }

    /** A file of {@code size} bytes: a random MiB repeated (what the transfer does is the same for any bytes). */
    private static Path generate(Path file, long size) throws IOException {
        byte[] block = new byte[(int) MIB];
        new Random(size).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(left, block.length));
            }
        }
        return file;
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    private String report(BenchEnvironment env, int rounds) {
        MarkdownTable table = new MarkdownTable("file", "contender", "MiB/s median (min–max)", "ours/reference",
                "peak sender renderer RSS, MiB", "peak receiver renderer RSS, MiB");
        for (int size : sizesMib) {
            for (String contender : List.of(REFERENCE, OURS)) {
                Spread ratio = results.ratio(OURS, REFERENCE, size, "mibPerSecond");
                table.row(size + " MiB", contender, results.spread(contender, size, "mibPerSecond").format("%.1f"),
                        contender.equals(OURS) && ratio.samples() > 0 ? ratio.format("%.2f") : "",
                        results.spread(contender, size, "senderPeakMib").format("%.0f"),
                        results.spread(contender, size, "receiverPeakMib").format("%.0f"));
            }
        }
        return "### File transfer between two Chromium tabs (`bench/run.sh file-transfer`)\n\n"
                + RunInfo.describe(env, RunInfo.command(env, "sh", "-c", "/usr/bin/chromium --version 2>/dev/null | tail -1")
                        + " headless") + " " + rounds + " round(s), reference and ours in turn; each transfer between two"
                + " fresh browser processes (one tab each) on loopback, so that each tab's renderer is known. Ours: the"
                + " call page joined without camera, the file chosen in the file input, Accept clicked on the other"
                + " side, where the save dialog is answered with a file of the origin's private file system (the"
                + " same writable stream as a picked file: written as the chunks come); time from the sender's first"
                + " chunk to the receiver's `done` (every chunk's SHA-256 and the root checked, the file closed on"
                + " disk). Reference (`bench/src/main/resources/file-transfer/reference.html`): one RTCDataChannel"
                + " with the browser's defaults, the file read a MiB at a time and sent in 64 KiB messages with the"
                + " same backpressure (wait for `bufferedamountlow` at 4 MiB queued), a receiver that only counts;"
                + " time from its first send to the last message. Peak RSS: each side's renderer processes sampled"
                + " every 100 ms during the transfer, the largest.\n\n" + table + "\n![File transfer](img/file-transfer.png)\n";
    }
}
