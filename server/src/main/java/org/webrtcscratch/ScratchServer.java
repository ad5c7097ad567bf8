package org.webrtcscratch;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import org.webrtcscratch.backstage.TurnBackstage;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.http.WebServer;
import org.webrtcscratch.iceservers.IceServerProvider;
import org.webrtcscratch.iceservers.TurnIceServers;
import org.webrtcscratch.metrics.SignalingMetrics;
import org.webrtcscratch.net.SourceLogFilter;
import org.webrtcscratch.metrics.TurnMetrics;
import org.webrtcscratch.signaling.Backstage;
import org.webrtcscratch.signaling.HeldBacklog;
import org.webrtcscratch.signaling.ResumeTokens;
import org.webrtcscratch.signaling.SignalingService;
import org.webrtcscratch.tls.PemFiles;
import org.webrtcscratch.tls.PemWatch;
import org.webrtcscratch.tls.SelfSignedCertificate;
import org.webrtcscratch.tls.SwitchableKeyManager;
import org.webrtcscratch.tls.TlsIdentity;
import org.webrtcscratch.turn.Ticker;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.transport.TlsListening;
import org.webrtcscratch.websocket.SendBudget;
import org.webrtcscratch.turn.auth.TurnCredentialIssuer;

/**
 * One running server: wiring only. Started by the {@code serve} command and by tests. Starts our STUN/TURN
 * server first when configured, so the signaling server can hand out credentials for it.
 */
public final class ScratchServer implements AutoCloseable {

    private final ServerConfig config;
    private final TlsIdentity tls;
    private final Optional<TurnServer> turn;
    private final Optional<TurnBackstage> backstage;
    private final SignalingService signaling;
    private final WebServer web;
    private final JvmGcMetrics gcMetrics;
    /** The PEM files read again for a renewed certificate, when TLS comes from them. */
    private Optional<PemWatch> pemWatch = Optional.empty();
    private Ticker.Stop pemReloads = () -> { };

    private ScratchServer(ServerConfig config, TlsIdentity tls, Optional<TurnServer> turn,
                          Optional<TurnBackstage> backstage, SignalingService signaling, WebServer web,
                          JvmGcMetrics gcMetrics) {
        this.config = config;
        this.tls = tls;
        this.turn = turn;
        this.backstage = backstage;
        this.signaling = signaling;
        this.web = web;
        this.gcMetrics = gcMetrics;
    }

    public static ScratchServer start(ServerConfig config) {
        config.validate();
        TlsIdentity tls = loadTls(config.tls());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(metrics);
        FunctionCounter.builder("scratch.log.suppressed", SourceLogFilter.class, c -> SourceLogFilter.suppressed())
                .description("log lines about one client address dropped past --log-lines-per-minute-per-address")
                .register(metrics);
        // TURN over TLS takes its context once; new certificates reach it through the key manager.
        SwitchableKeyManager turnKeys = tls == null ? null : new SwitchableKeyManager(tls);
        Optional<TurnServer> turn = config.turn() instanceof TurnMode.Local local
                ? Optional.of(TurnServer.start(withTls(local, turnKeys))) : Optional.empty();
        try {
            turn.ifPresent(server -> TurnMetrics.bind(server, metrics));
            IceServerProvider iceServers = iceServers(config, turn);
            // What an observing peer is shown of our own TURN server; nothing runs until someone observes.
            Optional<TurnBackstage> backstage = turn.map(server -> new TurnBackstage(server, InstantSource.system(),
                    Ticker.thread("backstage-usage")));
            ResumeTokens tokens = config.resumeSecret() == null ? ResumeTokens.withRandomSecret()
                    : new ResumeTokens(config.resumeSecret().getBytes(StandardCharsets.UTF_8));
            // Messages held for peers that are away count in the same budget as those waiting on sockets.
            SendBudget sendBudget = WebServer.sendBudget(config);
            SignalingService signaling = new SignalingService(config.limits(), iceServers, tokens,
                    backstage.<Backstage>map(b -> b).orElse(Backstage.NONE),
                    new HeldBacklog(sendBudget::reserve, sendBudget::release), config.roomAccess());
            SignalingMetrics.bind(signaling, metrics);
            WebServer web = WebServer.start(config, tls, signaling, iceServers, metrics, sendBudget);
            ScratchServer server = new ScratchServer(config, tls, turn, backstage, signaling, web, gcMetrics);
            server.watchPemFiles(turnKeys, metrics);
            return server;
        } catch (RuntimeException e) {
            turn.ifPresent(TurnServer::close);
            throw e;
        }
    }

    /** The local TURN settings, with TURN over TLS on the web server's certificate when there is one. */
    private static TurnSettings withTls(TurnMode.Local local, SwitchableKeyManager keys) {
        if (keys == null || local.tlsPort().isEmpty()) {
            return local.settings();
        }
        return local.settings().withTls(Optional.of(new TlsListening(keys.sslContext(), local.tlsPort().getAsInt())));
    }

    /**
     * With TLS from PEM files, reads them again every {@code --tls-reload-interval} and puts a renewed
     * certificate in use for new HTTPS and TURN-over-TLS connections; connections already up carry on.
     */
    private void watchPemFiles(SwitchableKeyManager turnKeys, PrometheusMeterRegistry metrics) {
        TlsOptions options = config.tls();
        if (tls == null || options.mode() != TlsOptions.Mode.PEM || options.reloadInterval().isZero()) {
            return;
        }
        PemWatch watch;
        try {
            watch = new PemWatch(options.certFile(), options.keyFile(), tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files again: " + e.getMessage(), e);
        }
        watch.onReload(web::useTlsIdentity);
        watch.onReload(turnKeys::use);
        FunctionCounter.builder("scratch.tls.reloads", watch, PemWatch::reloads).tag("outcome", "reloaded")
                .description("renewed certificates read from the PEM files and put in use").register(metrics);
        FunctionCounter.builder("scratch.tls.reloads", watch, PemWatch::rejections).tag("outcome", "rejected")
                .description("changed PEM files that could not be used (the certificate in use was kept)")
                .register(metrics);
        pemWatch = Optional.of(watch);
        pemReloads = Ticker.thread("tls-reload").every(options.reloadInterval(), watch::check);
    }

    /** Our STUN/TURN's address and fresh credentials for each peer, then the extra servers. */
    private static IceServerProvider iceServers(ServerConfig config, Optional<TurnServer> turn) {
        return switch (config.turn()) {
            case TurnMode.Off off -> IceServerProvider.fixed(config.iceServers());
            case TurnMode.Local local -> new TurnIceServers(turn.orElseThrow().credentialIssuer(),
                    turn.orElseThrow().port(), turn.orElseThrow().tlsPort(),
                    local.settings().externalIp().map(InetAddress::getHostAddress), config.iceServers(),
                    local.settings().config().credentialRefreshInterval());
            case TurnMode.Remote remote -> new TurnIceServers(
                    new TurnCredentialIssuer(remote.secret(), InstantSource.system(), remote.credentialTtl()),
                    remote.port(), remote.tlsPort(), Optional.of(remote.host()), config.iceServers(),
                    remote.credentialRefreshInterval());
        };
    }

    private static TlsIdentity loadTls(TlsOptions options) {
        try {
            return switch (options.mode()) {
                case OFF -> null;
                case SELF_SIGNED -> SelfSignedCertificate.loadOrCreate(options.stateDir());
                case PEM -> PemFiles.read(options.certFile(), options.keyFile());
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public int httpPort() {
        return web.port();
    }

    /** The base URI to reach this server on loopback, e.g. {@code http://127.0.0.1:8080/}. */
    public URI baseUri() {
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create((tls == null ? "http" : "https") + "://" + host + ":" + httpPort() + "/");
    }

    /** The TLS identity in use (the latest read from the PEM files), or null for plain HTTP. */
    public TlsIdentity tls() {
        return pemWatch.map(PemWatch::current).orElse(tls);
    }

    public SignalingService signaling() {
        return signaling;
    }

    /** What observing peers are shown of our STUN/TURN server, when there is one. */
    public Optional<TurnBackstage> backstage() {
        return backstage;
    }

    /** Our STUN/TURN server, when the configuration asked for one. */
    public Optional<TurnServer> turn() {
        return turn;
    }

    /** Tells every peer the server is stopping, then stops. */
    @Override
    public void close() {
        pemReloads.close();
        signaling.close();
        web.close();
        backstage.ifPresent(TurnBackstage::close);
        turn.ifPresent(TurnServer::close);
        gcMetrics.close();
    }
}
