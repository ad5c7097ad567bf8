package org.webrtcscratch.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.testing.NetworkNamespaces;
import org.webrtcscratch.testing.NetworkNamespaces.Namespace;

/**
 * Two participants on two different networks whose path can break for real: a Chromium inside each of
 * the two {@link NetworkNamespaces}, the server on the host's bridge address. Register it as a static
 * field with {@code @RegisterExtension}. After each test UDP flows again and every participant is
 * closed; on a failure their console logs and screenshots are kept under {@code target/e2e-failures/}.
 */
final class NamespacedBrowsers implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Which namespace a browser runs in. */
    enum Side { A, B }

    private static final String NAMESPACE_VARIABLE = "SCRATCH_NETNS";

    private final Map<Side, Browser> browsers = new EnumMap<>(Side.class);
    private final List<Participant> participants = new ArrayList<>();
    private NetworkNamespaces net;
    private ScratchServer server;
    private Path wrapper;
    private Playwright playwright;

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.requireInstalled();
        net = NetworkNamespaces.create();
        server = ScratchServer.start(ServerConfig.defaults().withHost(net.bridgeAddress()).withHttpPort(0));
        wrapper = writeWrapper();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browsers.put(Side.A, launchIn(net.a()));
        browsers.put(Side.B, launchIn(net.b()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Participant.closeAll(participants, context);
        healUdp(Side.A);
        healUdp(Side.B);
    }

    /** Closes everything it opened, the namespaces last, even when something before them fails. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            browsers.values().forEach(Browser::close);
            browsers.clear();
            if (playwright != null) {
                playwright.close();
            }
            if (server != null) {
                server.close();
            }
            if (wrapper != null) {
                Files.deleteIfExists(wrapper);
            }
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    /** Someone in namespace {@code side} who opened the call page of {@code room} and was welcomed. */
    Participant join(Side side, String room, String name, String... initScripts) {
        BrowserContext context = browsers.get(side).newContext();
        context.setDefaultTimeout(BrowserHarness.TIMEOUT_MS);
        for (String script : initScripts) {
            context.addInitScript(script);
        }
        Participant participant = new Participant(name, context, server.baseUri());
        participants.add(participant);
        participant.openCall(room);
        return participant;
    }

    /** Drops all UDP into and out of {@code side}'s namespace: media and ICE stop, signaling (TCP) goes on. */
    void dropUdp(Side side) {
        net.dropUdp(namespace(side));
    }

    void healUdp(Side side) {
        if (net != null) {
            net.healUdp(namespace(side));
        }
    }

    private Namespace namespace(Side side) {
        return side == Side.A ? net.a() : net.b();
    }

    /**
     * Chromium in {@code ns}: Playwright starts the wrapper, which enters the namespace and execs Chromium,
     * so Playwright's control pipe carries over. The page is served over plain HTTP from the bridge
     * address, which is not a secure context unless Chromium is told to treat it as one (else
     * {@code navigator.mediaDevices} is undefined).
     */
    private Browser launchIn(Namespace ns) {
        String origin = server.baseUri().toString().replaceFirst("/$", "");
        List<String> flags = Stream.concat(
                // Each namespace has its own loopback, so loopback candidates could never connect.
                Chromium.FLAGS.stream().filter(flag -> !flag.equals("--allow-loopback-in-peer-connection")),
                Stream.of("--unsafely-treat-insecure-origin-as-secure=" + origin)).toList();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(NAMESPACE_VARIABLE, ns.name());
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(wrapper)
                .setEnv(env)
                .setArgs(flags));
    }

    private static Path writeWrapper() {
        try {
            Path script = Files.createTempFile("chromium-in-netns-", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(script, """
                    #!/bin/sh
                    exec ip netns exec "$%s" '%s' "$@"
                    """.formatted(NAMESPACE_VARIABLE, Chromium.EXECUTABLE));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Chromium wrapper script", e);
        }
    }
}
