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
 * Headless Firefox ESR driven over WebDriver BiDi with the JDK's WebSocket client (there is no geckodriver
 * here, and Playwright's Firefox is a patched build). Only what a test needs: open a page, call a function
 * in it and take its string result. The profile's preferences give it fake devices and loopback ICE
 * candidates (see shared BROWSER-TESTING notes).
 */
final class FirefoxBidi implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("SCRATCH_FIREFOX", "/usr/bin/firefox-esr"));

    private static final String PREFERENCES = """
            user_pref("media.navigator.streams.fake", true);
            user_pref("media.navigator.permission.disabled", true);
            user_pref("media.navigator.permission.fake", true);
            user_pref("media.peerconnection.ice.loopback", true);
            user_pref("media.peerconnection.ice.obfuscate_host_addresses", false);
            user_pref("browser.shell.checkDefaultBrowser", false);
            user_pref("app.update.enabled", false);
            """;
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final long TIMEOUT_SECONDS = 60;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final String context;

    private FirefoxBidi(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint.resolve("/session"), new Listener()).join();
        send("session.new", json.createObjectNode().set("capabilities", json.createObjectNode()));
        this.context = send("browsingContext.getTree", json.createObjectNode()).path("contexts").path(0)
                .path("context").asText();
    }

    /** Starts Firefox with a fresh profile; skips the calling test where it isn't installed (fails on CI). */
    static FirefoxBidi launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String why = "no Firefox at " + EXECUTABLE + " (apt-get install firefox-esr, or set SCRATCH_FIREFOX)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + "; on CI the browser tests must run");
            }
            Assumptions.abort("Firefox tests skipped: " + why);
        }
        try {
            Path profile = Files.createTempDirectory("firefox-profile");
            Files.writeString(profile.resolve("user.js"), PREFERENCES);
            Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--remote-debugging-port", "0",
                    "--profile", profile.toString(), "--no-remote").redirectErrorStream(true).start();
            return new FirefoxBidi(process, profile, awaitEndpoint(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI awaitEndpoint(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.append(line).append('\n');
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { })); // keep its pipe drained
                return URI.create(listening.group(1));
            }
        }
        throw new IllegalStateException("Firefox ended without opening WebDriver BiDi:\n" + seen);
    }

    /** Opens {@code url} and waits until it has loaded. */
    void navigate(URI url) {
        send("browsingContext.navigate", json.createObjectNode().put("context", context).put("url", url.toString())
                .put("wait", "complete"));
    }

    /** Calls {@code function} (JavaScript source; it may be async) in the page and returns its string result. */
    String callForString(String function) {
        ObjectNode params = json.createObjectNode().put("functionDeclaration", function).put("awaitPromise", true);
        params.putObject("target").put("context", context);
        JsonNode result = send("script.callFunction", params);
        if ("exception".equals(result.path("type").asText())) {
            throw new AssertionError("Firefox: the function threw " + result.path("exceptionDetails"));
        }
        if (!"string".equals(result.path("result").path("type").asText())) {
            throw new AssertionError("Firefox: expected a string result, got " + result.path("result"));
        }
        return result.path("result").path("value").asText();
    }

    private JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        socket.sendText(command.toString(), true).join();
        try {
            JsonNode message = reply.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if ("error".equals(message.path("type").asText())) {
                throw new AssertionError("Firefox refused " + method + ": " + message);
            }
            return message.path("result");
        } catch (Exception e) {
            throw new AssertionError("Firefox: no answer to " + method, e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                deleteTree(profile);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp profile left behind is harmless.
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(text.toString());
                    CompletableFuture<JsonNode> reply = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (reply != null) {
                        reply.complete(message);
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
}
