package org.webrtcscratch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Firefox ESR driven over WebDriver BiDi with the JDK's WebSocket (there is no geckodriver here and
 * Playwright's Firefox is a patched build; see /work/shared/BROWSER-TESTING.md): launch with a fresh profile
 * holding the preferences a WebRTC test needs, navigate, evaluate, and choose files in a file input. One
 * page (the first browsing context). Without Firefox the test is skipped, except with {@code CI=true}.
 */
final class FirefoxBidi implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("SCRATCH_FIREFOX", "/usr/bin/firefox-esr"));
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final long TIMEOUT_SECONDS = 30;

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String context;

    /**
     * @param profile an empty folder for the profile
     * @param downloads where downloads go, without asking
     */
    FirefoxBidi(Path profile, Path downloads) throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            String why = "no Firefox at " + EXECUTABLE + " (apt-get install firefox-esr, or set SCRATCH_FIREFOX)";
            Assumptions.assumeFalse(!"true".equals(System.getenv("CI")), why + ": Firefox tests skipped");
            throw new IllegalStateException(why + "; on CI the browser tests must run");
        }
        Files.writeString(profile.resolve("user.js"), String.join("\n",
                pref("media.navigator.streams.fake", "true"),
                pref("media.navigator.permission.disabled", "true"),
                pref("media.navigator.permission.fake", "true"),
                pref("media.peerconnection.ice.loopback", "true"),
                pref("media.peerconnection.ice.obfuscate_host_addresses", "false"),
                pref("browser.download.folderList", "2"),
                pref("browser.download.dir", "\"" + downloads.toAbsolutePath() + "\""),
                pref("browser.download.useDownloadDir", "true"),
                pref("browser.download.always_ask_before_handling_new_types", "false"),
                pref("browser.download.start_downloads_in_tmp_dir", "false"),
                pref("browser.download.alwaysOpenPanel", "false"),
                pref("browser.shell.checkDefaultBrowser", "false"),
                pref("datareporting.policy.dataSubmissionEnabled", "false"),
                pref("toolkit.telemetry.reportingpolicy.firstRun", "false")) + "\n");
        process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--remote-debugging-port", "0",
                "--profile", profile.toString(), "--no-remote").redirectErrorStream(true).start();
        String url = awaitListening();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .buildAsync(URI.create(url + "/session"), new Listener()).join();
        send("session.new", json.createObjectNode().set("capabilities", json.createObjectNode()));
        context = send("browsingContext.getTree", json.createObjectNode()).path("contexts").get(0).path("context").asText();
    }

    private static String pref(String name, String value) {
        return "user_pref(\"" + name + "\", " + value + ");";
    }

    /** Reads Firefox's output until it says where BiDi listens; keeps draining it afterwards. */
    private String awaitListening() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("Firefox did not say where WebDriver BiDi listens");
    }

    void navigate(URI url) {
        ObjectNode params = json.createObjectNode().put("context", context).put("url", url.toString()).put("wait", "complete");
        send("browsingContext.navigate", params);
    }

    /**
     * Evaluates {@code expression} (awaiting a promise) and returns the result as JSON: the expression's value
     * goes through {@code JSON.stringify} in the page.
     */
    JsonNode evaluate(String expression) {
        ObjectNode params = json.createObjectNode()
                .put("expression", "(async () => JSON.stringify(await (" + expression + ")))()")
                .put("awaitPromise", true);
        params.putObject("target").put("context", context);
        JsonNode result = send("script.evaluate", params);
        if (!"success".equals(result.path("type").asText())) {
            throw new IllegalStateException("Firefox: " + expression + " threw " + result.path("exceptionDetails"));
        }
        try {
            String value = result.path("result").path("value").asText("null");
            return json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #evaluate}, for an expression whose value is a string. */
    String evaluateText(String expression) {
        return evaluate(expression).asText();
    }

    /** Waits until {@code expression} is truthy, polling every 100 ms, at most {@link BrowserHarness#TIMEOUT_MS}. */
    void waitUntil(String expression) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (BrowserHarness.TIMEOUT_MS * 1_000_000);
        while (!evaluate("Boolean(" + expression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Firefox: waited " + BrowserHarness.TIMEOUT_MS / 1000 + " s for " + expression);
            }
            Thread.sleep(100);
        }
    }

    /** Chooses {@code files} in the file input {@code selector}, as a person does in the file dialog. */
    void setInputFiles(String selector, Path... files) {
        ObjectNode find = json.createObjectNode().put("expression", "document.querySelector('" + selector + "')")
                .put("awaitPromise", false);
        find.putObject("target").put("context", context);
        String sharedId = send("script.evaluate", find).path("result").path("sharedId").asText();
        ObjectNode params = json.createObjectNode().put("context", context);
        params.putObject("element").put("sharedId", sharedId);
        var list = params.putArray("files");
        for (Path file : files) {
            list.add(file.toAbsolutePath().toString());
        }
        send("input.setFiles", params);
    }

    private JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        JsonNode answer = reply.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        if ("error".equals(answer.path("type").asText())) {
            throw new IllegalStateException("Firefox refused " + method + ": " + answer);
        }
        return answer.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(text.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    text.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
