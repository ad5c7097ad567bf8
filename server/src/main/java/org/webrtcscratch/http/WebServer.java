package org.webrtcscratch.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.iceservers.IceServerProvider;
import org.webrtcscratch.signaling.ErrorCode;
import org.webrtcscratch.signaling.Names;
import org.webrtcscratch.signaling.RoomOccupancy;
import org.webrtcscratch.signaling.SignalingException;
import org.webrtcscratch.metrics.WebSocketMetrics;
import org.webrtcscratch.signaling.SignalingLimits;
import org.webrtcscratch.signaling.SignalingService;
import org.webrtcscratch.tls.TlsIdentity;
import org.webrtcscratch.websocket.SendBudget;
import org.webrtcscratch.websocket.WebSocketSettings;
import org.webrtcscratch.websocket.WebSocketUpgrade;

/**
 * The HTTP(S) side: the web app, the call page at {@code /r/{room}}, the connection check at {@code /check},
 * {@code /healthz}, {@code /readyz}, {@code /api/config}, {@code /api/rooms/{room}}, {@code /api/qr}, {@code /metrics} and the
 * signaling WebSocket at {@code /ws}, behind the checks of who may connect ({@link OriginPolicy},
 * {@link ConnectionGuard}) and with {@link SecurityHeaders} on every response.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String WEB_RESOURCES = "/web";
    /** Larger than any file of the web app, small enough that all of them together stay a few hundred KB. */
    private static final int PRECOMPRESS_MAX_BYTES = 256 * 1024;

    private final Javalin javalin;
    /** The HTTPS connector's TLS, set as Jetty builds it; null for plain HTTP. */
    private final AtomicReference<SslContextFactory.Server> ssl;

    private WebServer(Javalin javalin, AtomicReference<SslContextFactory.Server> ssl) {
        this.javalin = javalin;
        this.ssl = ssl;
    }

    /**
     * Presents {@code identity} to new TLS connections from now on (a renewed certificate); connections already
     * up keep theirs.
     *
     * @throws IllegalStateException when the server has no TLS, or Jetty refuses the key store
     */
    public void useTlsIdentity(TlsIdentity identity) {
        SslContextFactory.Server factory = ssl.get();
        if (factory == null) {
            throw new IllegalStateException("the web server runs without TLS");
        }
        try {
            factory.reload(f -> f.setKeyStore(identity.keyStore()));
        } catch (Exception e) {
            throw new IllegalStateException("Jetty refused the new certificate: " + e.getMessage(), e);
        }
    }

    /** Starts serving; {@code tls} is null for plain HTTP. */
    public static WebServer start(ServerConfig config, TlsIdentity tls, SignalingService signaling,
                                  IceServerProvider iceServers, PrometheusMeterRegistry metrics) {
        return start(config, tls, signaling, iceServers, metrics, sendBudget(config));
    }

    /** The budget of bytes waiting to be sent to the WebSockets that {@code config} asks for. */
    public static SendBudget sendBudget(ServerConfig config) {
        return new SendBudget(config.limits().maxQueuedBytesPerAddress(),
                config.limits().effectiveMaxQueuedBytesTotal(), config.httpSecurity().addressLimitsOnLoopback());
    }

    /** As above, sending within {@code sendBudget}, which signaling may share (its held messages). */
    public static WebServer start(ServerConfig config, TlsIdentity tls, SignalingService signaling,
                                  IceServerProvider iceServers, PrometheusMeterRegistry metrics,
                                  SendBudget sendBudget) {
        WebApp webApp = new WebApp(config.webDir());
        AtomicReference<SslContextFactory.Server> ssl = new AtomicReference<>();
        OriginPolicy origins = OriginPolicies.forServer(config.httpSecurity(), tls, metrics);
        WebSocketMetrics.bind(sendBudget, metrics);
        WebSocketUpgrade signalingSocket = new WebSocketUpgrade("/ws",
                new SignalingEndpoint(signaling, config.httpSecurity().addressLimitsOnLoopback()),
                webSocketSettings(config.limits(), sendBudget), origins);
        MetricsAccess metricsAccess = new MetricsAccess(config.httpSecurity().metricsToken());
        if (metricsAccess.open() && !isLoopback(config.host())) {
            LOG.warn("/metrics is open to anyone who reaches port {}; set SCRATCH_METRICS_TOKEN or"
                    + " --metrics-token-file (an open /metrics is deprecated and will need a token later)",
                    config.httpPort());
        }
        InviteCode inviteCode = new InviteCode();
        FunctionCounter.builder("scratch.http.qr", inviteCode, InviteCode::served).tag("result", "served")
                .description("QR codes of call links drawn by /api/qr").register(metrics);
        FunctionCounter.builder("scratch.http.qr", inviteCode, InviteCode::refused).tag("result", "refused")
                .description("/api/qr requests refused: not a call link of this server").register(metrics);
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.startup.showOldJavalinVersionWarning = false;
            javalinConfig.jetty.host = config.host();
            javalinConfig.jetty.port = config.httpPort();
            javalinConfig.jetty.threadPool = threadPool(config.effectiveHttpThreads());
            // In front of Javalin's servlet: a socket then costs a Jetty endpoint and our few objects, not a
            // servlet request, an HTTP session and Jetty's WebSocket session stack (docs/benchmarks.md).
            javalinConfig.jetty.modifyServer(server -> server.insertHandler(signalingSocket));
            javalinConfig.jetty.modifyServer(server -> server.insertHandler(new SecurityHeaders(
                    webApp.contentSecurityPolicy(), tls != null && config.tls().mode() == TlsOptions.Mode.PEM)));
            addConnector(javalinConfig, config, tls, selectors(config.effectiveHttpThreads()), metrics, ssl);
            webApp.configureStaticFiles(javalinConfig);
            WebJar.UPLOT.serve(javalinConfig, PRECOMPRESS_MAX_BYTES);
            javalinConfig.routes.get("/r/{room}", webApp::callPage);
            javalinConfig.routes.get("/trace", ctx -> webApp.page(ctx, TRACE_PAGE, BUNDLED_TRACE_PAGE));
            javalinConfig.routes.get("/check", ctx -> webApp.page(ctx, CHECK_PAGE, BUNDLED_CHECK_PAGE));
            // Any other address, and a call page for a name no room can have: a page that says so, status 404.
            javalinConfig.routes.error(404, "html", webApp::notFoundPage);
            boolean loopbackLimited = config.httpSecurity().addressLimitsOnLoopback();
            javalinConfig.routes.get("/api/rooms/{room}", ctx -> roomOccupancy(ctx, signaling, loopbackLimited));
            javalinConfig.routes.get("/api/qr", inviteCode::handle);
            javalinConfig.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok",
                    "connections", signaling.connectionCount(), "rooms", signaling.roomCount(),
                    "peers", signaling.peerCount())));
            javalinConfig.routes.get("/api/config", ctx -> ctx.json(Map.of(
                    // Credentials only in a room (welcome): this answer is for anyone who asks.
                    "iceServers", iceServers.anonymousIceServers(ctx.host()),
                    "limits", Map.of("roomCapacity", config.limits().roomCapacity(),
                            "maxMessageBytes", config.limits().maxMessageBytes()),
                    "version", Version.current())));
            javalinConfig.routes.get("/metrics", ctx -> {
                if (!metricsAccess.allows(ctx.header("Authorization"))) {
                    ctx.status(401).header("WWW-Authenticate", "Bearer realm=\"metrics\"")
                            .result("/metrics needs 'Authorization: Bearer' and the server's metrics token\n");
                    return;
                }
                ctx.contentType(ContentType.PLAIN).result(metrics.scrape());
            });
            // Ready: listening and not shutting down; a load balancer stops sending new clients at once.
            javalinConfig.routes.get("/readyz", ctx -> {
                boolean stopping = signaling.isClosing();
                ctx.status(stopping ? 503 : 200).json(Map.of("status", stopping ? "shutting-down" : "ready"));
            });
        });
        javalin.start();
        return new WebServer(javalin, ssl);
    }

    /** How full a room is, for a page waiting for a place: {@code {room, peers, capacity, full}}; 400 for a bad name. */
    private static void roomOccupancy(Context ctx, SignalingService signaling, boolean loopbackLimited) {
        try {
            RoomOccupancy occupancy = signaling.occupancy(ctx.pathParam("room"), limitedAddress(ctx, loopbackLimited));
            ctx.header("Cache-Control", "no-store").json(Map.of("room", occupancy.room(), "peers", occupancy.peers(),
                    "capacity", occupancy.capacity(), "full", occupancy.full()));
        } catch (SignalingException e) {
            ctx.status(e.code() == ErrorCode.RATE_LIMITED ? 429 : 400)
                    .json(Map.of("error", e.code().wire(), "message", e.getMessage()));
        }
    }

    /** The address the per-address limits count a request under, as for a WebSocket. */
    private static String limitedAddress(Context ctx, boolean loopbackLimited) {
        String remote = ctx.req().getRemoteAddr();
        try {
            return SignalingEndpoint.limitedAddress(InetAddress.getByName(remote), loopbackLimited); // a literal: no lookup
        } catch (UnknownHostException e) {
            return remote;
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    /** Outgoing frames may pile up to a few of the largest messages before a peer counts as too slow. */
    private static WebSocketSettings webSocketSettings(SignalingLimits limits, SendBudget budget) {
        return new WebSocketSettings(limits.hardMessageBytes(), limits.pingInterval(), limits.idleTimeout(),
                4L * limits.hardMessageBytes(), budget);
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
                                     int selectors, MeterRegistry metrics,
                                     AtomicReference<SslContextFactory.Server> sslHolder) {
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
                sslHolder.set(ssl);
            }
            ServerConnector connector = new ServerConnector(server, null, null, null, -1, selectors,
                    AbstractConnectionFactory.getFactories(ssl, new HttpConnectionFactory(http)));
            connector.setHost(config.host());
            connector.setPort(config.httpPort());
            HttpSecurity security = config.httpSecurity();
            ConnectionGuard guard = new ConnectionGuard(security.maxConnectionsPerAddress(), security.headerTimeout(),
                    security.addressLimitsOnLoopback(), connector.getScheduler());
            connector.addEventListener(guard);
            FunctionCounter.builder("scratch.http.connections.refused", guard, ConnectionGuard::refusedPerAddress)
                    .tag("reason", "per-address").description("TCP connections closed at once: their address had"
                            + " --max-connections-per-address open").register(metrics);
            FunctionCounter.builder("scratch.http.connections.refused", guard, ConnectionGuard::headerTimeouts)
                    .tag("reason", "header-timeout").description("TCP connections closed: no request headers"
                            + " (or TLS handshake) within --header-timeout").register(metrics);
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

        /** The pages' policy: read once from the jar, or for every page from a folder being edited. */
        Supplier<String> contentSecurityPolicy() {
            if (webDir != null) {
                return () -> ContentSecurityPolicy.forPages(webDir);
            }
            String bundled = BundledWebApp.contentSecurityPolicy(WEB_RESOURCES);
            return () -> bundled;
        }

        /** The call page; a name no room can have gets the not-found page instead. */
        void callPage(Context ctx) throws IOException {
            if (!Names.isRoom(ctx.pathParam("room"))) {
                notFoundPage(ctx);
                return;
            }
            page(ctx, CALL_PAGE, BUNDLED_CALL_PAGE);
        }

        /** A page at an address of its own: read once from the jar, or at every request from a folder being edited. */
        void page(Context ctx, String file, byte[] bundled) throws IOException {
            byte[] page = webDir != null ? readIfExists(webDir.resolve(file)) : bundled;
            if (page == null) {
                ctx.status(404).result(file + " missing");
                return;
            }
            ctx.contentType(ContentType.HTML).result(page);
        }

        /** The not-found page, status 404. */
        void notFoundPage(Context ctx) throws IOException {
            byte[] page = webDir != null ? readIfExists(webDir.resolve(NOT_FOUND_PAGE)) : BUNDLED_NOT_FOUND_PAGE;
            ctx.status(404);
            if (page == null) {
                ctx.result("not found");
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
    /** The connection check (docs/troubleshooting.md). */
    private static final String CHECK_PAGE = "check.html";
    private static final byte[] BUNDLED_CHECK_PAGE = readBundled(CHECK_PAGE);
    private static final String NOT_FOUND_PAGE = "not-found.html";
    private static final byte[] BUNDLED_NOT_FOUND_PAGE = readBundled(NOT_FOUND_PAGE);
    /** The trace viewer (docs/behind-the-scenes.md). */
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
