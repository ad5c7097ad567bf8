package org.webrtcscratch.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.iceservers.IceServerProvider;
import org.webrtcscratch.signaling.SignalingLimits;
import org.webrtcscratch.signaling.SignalingService;
import org.webrtcscratch.tls.TlsIdentity;
import org.webrtcscratch.websocket.WebSocketSettings;
import org.webrtcscratch.websocket.WebSocketUpgrade;

/**
 * The HTTP(S) side: the web app, the call page at {@code /r/{room}}, {@code /healthz}, {@code /api/config},
 * {@code /metrics} and the signaling WebSocket at {@code /ws}.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String WEB_RESOURCES = "/web";
    /** Larger than any file of the web app, small enough that all of them together stay a few hundred KB. */
    private static final int PRECOMPRESS_MAX_BYTES = 256 * 1024;

    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts serving; {@code tls} is null for plain HTTP. */
    public static WebServer start(ServerConfig config, TlsIdentity tls, SignalingService signaling,
                                  IceServerProvider iceServers, PrometheusMeterRegistry metrics) {
        WebApp webApp = new WebApp(config.webDir());
        WebSocketUpgrade signalingSocket = new WebSocketUpgrade("/ws", new SignalingEndpoint(signaling),
                webSocketSettings(config.limits()));
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.startup.showOldJavalinVersionWarning = false;
            javalinConfig.jetty.host = config.host();
            javalinConfig.jetty.port = config.httpPort();
            javalinConfig.jetty.threadPool = threadPool(config.effectiveHttpThreads());
            // In front of Javalin's servlet: a socket then costs a Jetty endpoint and our few objects, not a
            // servlet request, an HTTP session and Jetty's WebSocket session stack (docs/benchmarks.md).
            javalinConfig.jetty.modifyServer(server -> server.insertHandler(signalingSocket));
            addConnector(javalinConfig, config, tls, selectors(config.effectiveHttpThreads()));
            webApp.configureStaticFiles(javalinConfig);
            WebJar.UPLOT.serve(javalinConfig, PRECOMPRESS_MAX_BYTES);
            javalinConfig.routes.get("/r/{room}", webApp::callPage);
            javalinConfig.routes.get("/trace", webApp::tracePage);
            javalinConfig.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok",
                    "connections", signaling.connectionCount(), "rooms", signaling.roomCount(),
                    "peers", signaling.peerCount())));
            javalinConfig.routes.get("/api/config", ctx -> ctx.json(Map.of(
                    "iceServers", iceServers.iceServersFor(null, ctx.host()),
                    "limits", Map.of("roomCapacity", config.limits().roomCapacity(),
                            "maxMessageBytes", config.limits().maxMessageBytes()),
                    "version", Version.current())));
            javalinConfig.routes.get("/metrics", ctx -> ctx.contentType(ContentType.PLAIN).result(metrics.scrape()));
        });
        javalin.start();
        return new WebServer(javalin);
    }

    /** Outgoing frames may pile up to a few of the largest messages before a peer counts as too slow. */
    private static WebSocketSettings webSocketSettings(SignalingLimits limits) {
        return new WebSocketSettings(limits.hardMessageBytes(), limits.pingInterval(), limits.idleTimeout(),
                4L * limits.hardMessageBytes());
    }

    private static QueuedThreadPool threadPool(int threads) {
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, 4));
        pool.setName("http");
        return pool;
    }

    /** A selector per core, but no more than a quarter of the pool: each one keeps a thread for itself. */
    private static int selectors(int threads) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), threads / 4));
    }

    /**
     * One connector, plain or TLS, with a selector per core: WebSocket messages are handled on the selector
     * threads themselves (see {@code WebSocketConnection}), so each core gets its own event loop instead of
     * Jetty's default of one selector for every two cores.
     */
    private static void addConnector(JavalinConfig javalinConfig, ServerConfig config, TlsIdentity tls,
                                     int selectors) {
        if (tls != null) {
            javalinConfig.jetty.modifyHttpConfiguration(http -> {
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                // Self-signed certificates are used by IP address; SNI does not apply to those.
                secure.setSniHostCheck(false);
                http.addCustomizer(secure);
            });
        }
        javalinConfig.jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = null;
            if (tls != null) {
                ssl = new SslContextFactory.Server();
                ssl.setKeyStore(tls.keyStore());
                ssl.setKeyStorePassword(tls.keyStorePassword());
            }
            ServerConnector connector = new ServerConnector(server, null, null, null, -1, selectors,
                    AbstractConnectionFactory.getFactories(ssl, new HttpConnectionFactory(http)));
            connector.setHost(config.host());
            connector.setPort(config.httpPort());
            return connector;
        });
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** The static web app, from the jar or from a folder being edited. */
    private record WebApp(Path webDir) {

        void configureStaticFiles(JavalinConfig javalinConfig) {
            if (webDir != null) {
                javalinConfig.staticFiles.add(webDir.toAbsolutePath().toString(), Location.EXTERNAL);
            } else if (WebServer.class.getResource(WEB_RESOURCES) != null) {
                // The jar's files never change while it runs: compress each once and keep it in memory, rather
                // than read it from the jar and gzip it again for every request of a page's many modules.
                javalinConfig.staticFiles.add(files -> {
                    files.directory = WEB_RESOURCES;
                    files.location = Location.CLASSPATH;
                    files.precompressMaxSize = PRECOMPRESS_MAX_BYTES;
                });
            } else {
                LOG.warn("no web app in the class path ({}); serving the API only", WEB_RESOURCES);
            }
        }

        /** The call page: read once from the jar, or at every request from a folder being edited. */
        void callPage(Context ctx) throws IOException {
            page(ctx, CALL_PAGE, BUNDLED_CALL_PAGE);
        }

        /** The trace viewer (/trace), served as the call page is. */
        void tracePage(Context ctx) throws IOException {
            page(ctx, TRACE_PAGE, BUNDLED_TRACE_PAGE);
        }

        private void page(Context ctx, String file, byte[] bundled) throws IOException {
            byte[] page = webDir != null ? readIfExists(webDir.resolve(file)) : bundled;
            if (page == null) {
                ctx.status(404).result(file + " missing");
                return;
            }
            ctx.contentType(ContentType.HTML).result(page);
        }

        private static byte[] readIfExists(Path file) throws IOException {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        }
    }

    private static final String CALL_PAGE = "call.html";
    private static final byte[] BUNDLED_CALL_PAGE = readBundled(CALL_PAGE);
    private static final String TRACE_PAGE = "trace.html";
    private static final byte[] BUNDLED_TRACE_PAGE = readBundled(TRACE_PAGE);

    private static byte[] readBundled(String file) {
        try (InputStream in = WebServer.class.getResourceAsStream(WEB_RESOURCES + "/" + file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from the jar", e);
        }
    }
}
