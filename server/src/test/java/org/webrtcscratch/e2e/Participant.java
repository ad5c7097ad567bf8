package org.webrtcscratch.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One person in a call: a browser context with the call page open, driven through the page's stable
 * test hooks (docs/testing.md). Every wait gives up after {@link BrowserHarness#TIMEOUT_MS}.
 */
final class Participant implements AutoCloseable {

    private final String name;
    private final BrowserContext context;
    private final URI baseUri;
    private final Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();

    Participant(String name, BrowserContext context, URI baseUri) {
        this.name = name;
        this.context = context;
        this.baseUri = baseUri;
        this.page = context.newPage();
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("page error: " + error));
    }

    String name() {
        return name;
    }

    Page page() {
        return page;
    }

    BrowserContext context() {
        return context;
    }

    /**
     * Opens /r/{room}?name=…&amp;skipPrejoin=1 (straight into the call, without the pre-join screen) and waits
     * until the server has welcomed this page.
     */
    void openCall(String room) {
        page.navigate(callUri(room, "skipPrejoin=1").toString());
        peerId();
    }

    /** /r/{room}?name=… with this participant's name, and {@code query} (more parameters) if not empty. */
    URI callUri(String room, String query) {
        String path = "/r/" + room + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return baseUri.resolve(query.isEmpty() ? path : path + "&" + query);
    }

    /** Opens the call page's pre-join screen (the address without skipPrejoin) and waits for its preview. */
    void openPrejoin(String room) {
        page.navigate(callUri(room, "").toString());
        page.getByTestId("prejoin").waitFor();
    }

    /** On the pre-join screen: Join, then wait for the welcome. */
    void joinFromPrejoin() {
        page.getByTestId("name-submit").click();
        peerId();
    }

    /** Saves a screenshot of the page as docs/images/call/{file}, kept as the view's artifact. */
    void screenshot(String file) {
        screenshotOf(page, file);
    }

    /** Saves a screenshot of {@code page} as docs/images/call/{file}. */
    static void screenshotOf(Page page, String file) {
        Path path = Path.of("..", "docs", "images", "call", file);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(path));
    }

    /** The peer id the server gave this page; waits for the welcome. */
    String peerId() {
        return (String) page.waitForFunction("() => window.__scratch?.call?.localPeerId", null, waitOptions())
                .jsonValue();
    }

    Locator tile(String peerId) {
        return page.locator(".tile[data-peer-id=\"" + peerId + "\"]");
    }

    /** Waits until the tile of {@code other} shows a connected peer connection. */
    void waitConnectedTo(Participant other) {
        waitForTile(other.peerId(), "connected");
    }

    void waitForTile(String peerId, String connectionState) {
        page.locator(".tile[data-peer-id=\"" + peerId + "\"][data-connection-state=\"" + connectionState + "\"]")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    void waitNoTile(String peerId) {
        tile(peerId).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    }

    /** The peer ids of the remote tiles shown now. */
    @SuppressWarnings("unchecked")
    List<String> remoteTiles() {
        return (List<String>) page.locator(".tile[data-peer-id]").evaluateAll("tiles => tiles.map(t => t.dataset.peerId)");
    }

    /** Waits until video frames from {@code other} have been decoded (getStats inbound-rtp framesDecoded). */
    void waitFramesDecodedFrom(Participant other) {
        page.waitForFunction("async id => (await window.__scratch.framesDecoded(id)) > 0", other.peerId(),
                waitOptions().setPollingInterval(250));
    }

    void sendChat(String text) {
        page.getByTestId("chat-input").fill(text);
        page.getByTestId("chat-send").click();
    }

    /** Waits until a chat message with exactly {@code text} from {@code sender} is in the log. */
    void waitChatFrom(Participant sender, String text) {
        page.getByTestId("chat-log").locator("[data-testid=\"chat-message\"][data-from=\"" + sender.peerId() + "\"]")
                .filter(new Locator.FilterOptions().setHasText(text))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    void waitSignalingState(String state) {
        page.locator("[data-testid=\"signaling-state\"][data-state=\"" + state + "\"]")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    void clickLeave() {
        page.getByTestId("leave").click();
        page.getByTestId("end-screen").waitFor();
    }

    /** Runs {@code expression} (a JavaScript function source) in the page. */
    Object evaluate(String expression, Object arg) {
        return page.evaluate(expression, arg);
    }

    Object evaluate(String expression) {
        return page.evaluate(expression);
    }

    /** Waits until {@code predicate} (a JavaScript function source taking {@code arg}) returns truthy. */
    void waitUntil(String predicate, Object arg) {
        page.waitForFunction(predicate, arg, waitOptions().setPollingInterval(100));
    }

    /**
     * As {@link #waitUntil(String, Object)}, but a timeout fails with what {@code state} (a JavaScript
     * function source) says about the page then.
     */
    void waitUntil(String predicate, Object arg, String state) {
        try {
            waitUntil(predicate, arg);
        } catch (TimeoutError e) {
            throw new AssertionError(name + ": waited " + BrowserHarness.TIMEOUT_MS / 1000 + " s for " + predicate
                    + "\nstate then: " + page.evaluate(state), e);
        }
    }

    List<String> console() {
        return Collections.unmodifiableList(console);
    }

    /**
     * Ends a test's participants: after a failure, first saves each one's page, console and screenshot under
     * target/e2e-failures/CLASS.METHOD.
     */
    static void closeAll(List<Participant> participants, ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            Path folder = Path.of("target", "e2e-failures", context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName());
            participants.forEach(p -> p.saveDiagnostics(folder));
        }
        participants.forEach(Participant::close);
        participants.clear();
    }

    /** Keeps this page's console log and a screenshot in {@code folder}, for a failed test. */
    void saveDiagnostics(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + "-console.txt"), console);
            if (!page.isClosed()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")));
            }
        } catch (IOException | RuntimeException e) {
            // Diagnostics must not hide the test's own failure.
            System.err.println("diagnostics of " + name + " incomplete: " + e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static Page.WaitForFunctionOptions waitOptions() {
        return new Page.WaitForFunctionOptions().setTimeout(BrowserHarness.TIMEOUT_MS);
    }
}
