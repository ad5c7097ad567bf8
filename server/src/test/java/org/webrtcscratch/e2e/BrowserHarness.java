package org.webrtcscratch.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;

/**
 * One server and one Chromium per test class, one browser context per participant. Register it as a
 * static field with {@code @RegisterExtension}; every participant is closed after each test, and on a
 * failure their console logs and screenshots are kept under {@code target/e2e-failures/}.
 */
final class BrowserHarness implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final double TIMEOUT_MS = 30_000;

    private final UnaryOperator<ServerConfig> configure;
    private final List<String> chromiumFlags;
    private final List<Participant> participants = new ArrayList<>();
    private ScratchServer server;
    private int stoppedPort;
    private Playwright playwright;
    private Browser browser;

    BrowserHarness() {
        this(UnaryOperator.identity());
    }

    /** @param configure adjusts the server's configuration (it always listens on a free loopback port) */
    BrowserHarness(UnaryOperator<ServerConfig> configure) {
        this(configure, Chromium.FLAGS);
    }

    /** @param chromiumFlags Chromium's command line instead of {@link Chromium#FLAGS} (e.g. without one of them) */
    BrowserHarness(UnaryOperator<ServerConfig> configure, List<String> chromiumFlags) {
        this.configure = configure;
        this.chromiumFlags = List.copyOf(chromiumFlags);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.requireInstalled();
        server = ScratchServer.start(configure.apply(ServerConfig.defaults()).withHost("127.0.0.1").withHttpPort(0));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Chromium.EXECUTABLE)
                .setArgs(chromiumFlags));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Participant.closeAll(participants, context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    ScratchServer server() {
        return server;
    }

    /** Stops the server as a restart does: everyone is told {@code closing} and their sockets close (1001). */
    void stopServer() {
        stoppedPort = server.baseUri().getPort();
        server.close();
    }

    /** Starts the server again on the port it had before {@link #stopServer}, with the same configuration. */
    void startServerAgain() {
        int port = stoppedPort;
        server = ScratchServer.start(configure.apply(ServerConfig.defaults()).withHost("127.0.0.1").withHttpPort(port));
    }

    URI baseUri() {
        return server.baseUri();
    }

    /** A room name no other test uses. */
    static String newRoom() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Someone who has not opened any page yet, in a fresh browser context. */
    Participant person(String name, String... initScripts) {
        // Over TLS the server's certificate is self-signed: accepted here as a user accepts it once.
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setIgnoreHTTPSErrors(server.tls() != null));
        context.setDefaultTimeout(TIMEOUT_MS);
        for (String script : initScripts) {
            context.addInitScript(script);
        }
        Participant participant = new Participant(name, context, server.baseUri());
        participants.add(participant);
        return participant;
    }

    /** Someone who opened the call page of {@code room} and has been welcomed into it. */
    Participant join(String room, String name, String... initScripts) {
        Participant participant = person(name, initScripts);
        participant.openCall(room);
        return participant;
    }

    /** A script from this package's test resources, for {@link #person}'s init scripts. */
    static String script(String resource) {
        try (InputStream in = BrowserHarness.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource + " next to BrowserHarness");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
