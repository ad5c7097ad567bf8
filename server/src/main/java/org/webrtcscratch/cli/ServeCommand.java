package org.webrtcscratch.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TlsOptions;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.iceservers.IceServer;
import org.webrtcscratch.signaling.SignalingLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web app, signaling and STUN/TURN in one process. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpWidth = 100,
        description = {"Serves the web app, the signaling WebSocket and STUN/TURN.",
            "Every option can also be set by the environment variable shown in brackets."},
        footer = {"", "Examples:",
            "  serve                          http://localhost:8080 (camera works on localhost)",
            "  serve --tls self-signed        https on every address, for phones and other laptops",
            "  serve --turn-external-ip 203.0.113.5   behind a 1:1 NAT (a cloud VM): the public address"})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${SCRATCH_HOST:-0.0.0.0}",
            description = "Address to listen on [SCRATCH_HOST] (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "${SCRATCH_PORT:-8080}",
            description = "HTTP(S) and WebSocket port [SCRATCH_PORT] (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "${SCRATCH_THREADS:-0}",
            description = "Worker threads for HTTP and WebSocket; 0 picks 4 per core, at least 8 [SCRATCH_THREADS]"
                    + " (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--tls", defaultValue = "${SCRATCH_TLS:-off}", paramLabel = "off|self-signed",
            description = "off, or self-signed: make and keep a certificate so other machines can join"
                    + " over https [SCRATCH_TLS] (default: ${DEFAULT-VALUE}).")
    String tlsMode;

    @Option(names = "--tls-cert", defaultValue = "${SCRATCH_TLS_CERT}", paramLabel = "FILE",
            description = "PEM certificate chain; with --tls-key, serves https [SCRATCH_TLS_CERT].")
    Path tlsCert;

    @Option(names = "--tls-key", defaultValue = "${SCRATCH_TLS_KEY}", paramLabel = "FILE",
            description = "PEM private key for --tls-cert [SCRATCH_TLS_KEY].")
    Path tlsKey;

    @Option(names = "--tls-reload-interval", defaultValue = "${SCRATCH_TLS_RELOAD_INTERVAL:-1m}",
            paramLabel = "DURATION", description = "How often --tls-cert and --tls-key are read again for a renewed"
                    + " certificate, used for new connections without a restart; 0 for never"
                    + " [SCRATCH_TLS_RELOAD_INTERVAL] (default: ${DEFAULT-VALUE}).")
    Duration tlsReloadInterval;

    @Option(names = "--state-dir", defaultValue = "${SCRATCH_STATE_DIR}", paramLabel = "DIR",
            description = "Where the self-signed certificate is kept [SCRATCH_STATE_DIR] (default: ~/.webrtc-scratch).")
    Path stateDir;

    @Option(names = "--ice-server", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "URL[,USER,CREDENTIAL]",
            defaultValue = "${SCRATCH_ICE_SERVERS}",
            description = "An extra STUN/TURN server for clients; repeatable [SCRATCH_ICE_SERVERS, space-separated].")
    List<String> iceServers;

    @Option(names = "--room-capacity", paramLabel = "N", defaultValue = "${SCRATCH_ROOM_CAPACITY:-8}",
            description = "Peers in one room at most [SCRATCH_ROOM_CAPACITY] (default: ${DEFAULT-VALUE}).")
    int roomCapacity;

    @Option(names = "--max-message-size", defaultValue = "${SCRATCH_MAX_MESSAGE_SIZE:-65536}", paramLabel = "BYTES",
            description = "Largest signaling message [SCRATCH_MAX_MESSAGE_SIZE] (default: ${DEFAULT-VALUE}).")
    int maxMessageBytes;

    @Option(names = "--rate-limit", defaultValue = "${SCRATCH_RATE_LIMIT:-50}", paramLabel = "PER_SECOND",
            description = "Messages a connection may send a second on average [SCRATCH_RATE_LIMIT]"
                    + " (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Option(names = "--rate-burst", defaultValue = "${SCRATCH_RATE_BURST:-200}", paramLabel = "MESSAGES",
            description = "Messages a connection may send at once [SCRATCH_RATE_BURST] (default: ${DEFAULT-VALUE}).")
    int rateBurst;

    @Option(names = "--rate-abuse", defaultValue = "${SCRATCH_RATE_ABUSE:-5s}", paramLabel = "DURATION",
            description = "A connection over the rate for this long is closed [SCRATCH_RATE_ABUSE]"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration rateAbuse;

    @Option(names = "--ping-interval", defaultValue = "${SCRATCH_PING_INTERVAL:-15s}", paramLabel = "DURATION",
            description = "Ping a WebSocket the server has heard nothing from for this long [SCRATCH_PING_INTERVAL] (default: ${DEFAULT-VALUE}).")
    Duration pingInterval;

    @Option(names = "--idle-timeout", defaultValue = "${SCRATCH_IDLE_TIMEOUT:-30s}", paramLabel = "DURATION",
            description = "A silent connection is dropped after this [SCRATCH_IDLE_TIMEOUT] (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--resume-window", defaultValue = "${SCRATCH_RESUME_WINDOW:-15s}", paramLabel = "DURATION",
            description = "A dropped peer keeps its place this long [SCRATCH_RESUME_WINDOW] (default: ${DEFAULT-VALUE}).")
    Duration resumeWindow;

    @Option(names = "--resume-secret", defaultValue = "${SCRATCH_RESUME_SECRET}", paramLabel = "SECRET",
            description = "Signs resume tokens, so that peers keep their ids and calls go on over a server restart;"
                    + " at least 32 bytes [SCRATCH_RESUME_SECRET] (default: made once and kept in the state folder).")
    String resumeSecret;

    @Option(names = "--max-rooms", paramLabel = "N", defaultValue = "${SCRATCH_MAX_ROOMS:-100000}",
            description = "Rooms at most [SCRATCH_MAX_ROOMS] (default: ${DEFAULT-VALUE}).")
    int maxRooms;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "${SCRATCH_MAX_CONNECTIONS:-200000}",
            description = "Signaling connections at most [SCRATCH_MAX_CONNECTIONS] (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--joins-per-minute-per-address", paramLabel = "N",
            defaultValue = "${SCRATCH_JOINS_PER_MINUTE_PER_ADDRESS:-120}",
            description = "Joins one remote address may make a minute [SCRATCH_JOINS_PER_MINUTE_PER_ADDRESS]"
                    + " (default: ${DEFAULT-VALUE}).")
    int joinsPerMinutePerAddress;

    @Option(names = "--max-queued-bytes-per-address", paramLabel = "BYTES",
            defaultValue = "${SCRATCH_MAX_QUEUED_BYTES_PER_ADDRESS:-33554432}",
            description = "Bytes waiting to be sent to one remote address's connections; past it the connection"
                    + " whose queue grows is dropped [SCRATCH_MAX_QUEUED_BYTES_PER_ADDRESS] (default: ${DEFAULT-VALUE}).")
    long maxQueuedBytesPerAddress;

    @Option(names = "--max-queued-bytes", paramLabel = "BYTES", defaultValue = "${SCRATCH_MAX_QUEUED_BYTES:-0}",
            description = "Bytes waiting to be sent to all connections together; 0 for a quarter of the maximum"
                    + " heap [SCRATCH_MAX_QUEUED_BYTES] (default: ${DEFAULT-VALUE}).")
    long maxQueuedBytes;

    @Option(names = "--web-dir", defaultValue = "${SCRATCH_WEB_DIR}", paramLabel = "DIR",
            description = "Serve the web app from this folder instead of the jar, to edit it live [SCRATCH_WEB_DIR].")
    Path webDir;

    @Mixin
    TurnOptions turn;

    @Mixin
    HttpSecurityOptions httpSecurity;

    @Mixin
    RoomAccessOptions roomAccess;

    @Mixin
    LogOptions log;

    @Option(names = "--turn-remote", paramLabel = "HOST[:PORT]", defaultValue = "${SCRATCH_TURN_REMOTE}",
            description = "Hand browsers the STUN/TURN server of a 'turn' machine there instead of running one"
                    + " here; needs its --turn-secret [SCRATCH_TURN_REMOTE].")
    String turnRemote;

    @Option(names = "--turn-remote-tls-port", paramLabel = "PORT", defaultValue = "${SCRATCH_TURN_REMOTE_TLS_PORT:-0}",
            description = "With --turn-remote: that machine's TURN over TLS port, handed to browsers as a turns: URL"
                    + " (its certificate must name the --turn-remote host); 0 for none [SCRATCH_TURN_REMOTE_TLS_PORT]"
                    + " (default: ${DEFAULT-VALUE}).")
    int turnRemoteTlsPort;

    @Override
    public Integer call() throws InterruptedException {
        log.apply();
        ServerConfig config = toConfig();
        if (config.resumeSecret() == null) {
            config = config.withResumeSecret(ResumeSecretFile.readOrCreate(config.tls().stateDir()));
        }
        ScratchServer server = ScratchServer.start(config);
        StartupBanner.print(server, config);
        UntilStopped.run(server);
        return 0;
    }

    ServerConfig toConfig() {
        SignalingLimits limits = new SignalingLimits(roomCapacity, maxMessageBytes, rateLimit, rateBurst, rateAbuse,
                pingInterval, idleTimeout, resumeWindow, maxRooms, maxConnections, joinsPerMinutePerAddress,
                maxQueuedBytesPerAddress, maxQueuedBytes);
        List<IceServer> extraIceServers = iceServers == null ? List.of()
                : iceServers.stream().filter(s -> !s.isBlank()).map(IceServer::parse).toList();
        return new ServerConfig(host, port, threads, tlsOptions(), limits, extraIceServers, webDir,
                turnMode(), resumeSecret, httpSecurity.toSettings(), roomAccess.toSettings()).validate();
    }

    private TurnMode turnMode() {
        TurnMode mode = turn.toMode(host, turnRemote);
        if (turnRemoteTlsPort == 0) {
            return mode;
        }
        if (!(mode instanceof TurnMode.Remote remote)) {
            throw new IllegalArgumentException("--turn-remote-tls-port is the port of a --turn-remote machine;"
                    + " this server's own TURN over TLS is --turn-tls-port");
        }
        return remote.withTlsPort(OptionalInt.of(turnRemoteTlsPort));
    }

    private TlsOptions tlsOptions() {
        Path state = stateDir != null ? stateDir : TlsOptions.defaultStateDir();
        if (tlsCert != null || tlsKey != null) {
            return new TlsOptions(TlsOptions.Mode.PEM, tlsCert, tlsKey, state, tlsReloadInterval);
        }
        return switch (tlsMode.toLowerCase()) {
            case "off" -> new TlsOptions(TlsOptions.Mode.OFF, null, null, state);
            case "self-signed" -> new TlsOptions(TlsOptions.Mode.SELF_SIGNED, null, null, state);
            default -> throw new IllegalArgumentException("--tls must be off or self-signed, not '" + tlsMode + "'");
        };
    }
}
