package org.webrtcscratch.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.webrtcscratch.iceservers.IceServer;
import org.webrtcscratch.signaling.ResumeTokens;
import org.webrtcscratch.signaling.RoomAccess;
import org.webrtcscratch.signaling.SignalingLimits;
import org.webrtcscratch.turn.TurnSettings;

/**
 * Everything {@code serve} needs; {@link #validate()} says in one message what is wrong with it.
 *
 * @param host       address the HTTP server binds ({@code 0.0.0.0} for every interface)
 * @param httpPort   HTTP(S) and WebSocket port; 0 picks a free one (tests)
 * @param httpThreads worker threads of the HTTP(S) and WebSocket server; 0 picks {@link #defaultHttpThreads()}
 * @param tls        TLS mode
 * @param limits     signaling limits
 * @param iceServers ICE servers handed to every client besides our own TURN's
 * @param webDir     serve the web app from this folder instead of the jar (for editing it live); may be null
 * @param turn       our own STUN/TURN server: off, run here, or on another machine. {@link #defaults()} has it
 *                   off, so tests that do not ask for TURN open no UDP ports; a TURN port of 0 in the local
 *                   settings picks a free port (while the command line's {@code --turn-port 0} means off)
 * @param resumeSecret signs the resume tokens (at least 32 bytes of UTF-8): a server restarted with the same
 *                   secret gives peers back their ids, and their calls go on; null for a secret of this process
 *                   only
 * @param httpSecurity who may reach the HTTP side: origins, host names, the metrics token, connection caps
 * @param roomAccess who may enter a room beyond knowing its name: join tokens, password attempts
 */
public record ServerConfig(
        String host,
        int httpPort,
        int httpThreads,
        TlsOptions tls,
        SignalingLimits limits,
        List<IceServer> iceServers,
        Path webDir,
        TurnMode turn,
        String resumeSecret,
        HttpSecurity httpSecurity,
        RoomAccess roomAccess) {

    /** With {@link RoomAccess}'s defaults (no join tokens). */
    public ServerConfig(String host, int httpPort, int httpThreads, TlsOptions tls, SignalingLimits limits,
                        List<IceServer> iceServers, Path webDir, TurnMode turn, String resumeSecret,
                        HttpSecurity httpSecurity) {
        this(host, httpPort, httpThreads, tls, limits, iceServers, webDir, turn, resumeSecret, httpSecurity,
                RoomAccess.defaults());
    }

    /** Without a resume secret (one of this process only) and with {@link HttpSecurity}'s defaults. */
    public ServerConfig(String host, int httpPort, int httpThreads, TlsOptions tls, SignalingLimits limits,
                        List<IceServer> iceServers, Path webDir, TurnMode turn) {
        this(host, httpPort, httpThreads, tls, limits, iceServers, webDir, turn, null, HttpSecurity.defaults());
    }

    public ServerConfig {
        iceServers = List.copyOf(iceServers);
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(httpSecurity, "httpSecurity");
        Objects.requireNonNull(roomAccess, "roomAccess");
    }

    /** HTTP on 0.0.0.0:8080, default limits, no TLS, no TURN. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, 0, TlsOptions.off(), SignalingLimits.defaults(), List.of(), null,
                TurnMode.OFF, null, HttpSecurity.defaults());
    }

    public ServerConfig validate() {
        Checks.require(httpPort >= 0 && httpPort <= 65535, "port must be 0..65535");
        Checks.require(httpThreads == 0 || httpThreads >= 4, "threads must be 0 (automatic) or at least 4");
        Checks.require(host != null && !host.isBlank(), "host must not be empty");
        Checks.require(resumeSecret == null
                        || resumeSecret.getBytes(StandardCharsets.UTF_8).length >= ResumeTokens.MIN_SECRET_BYTES,
                "the resume secret must be at least " + ResumeTokens.MIN_SECRET_BYTES + " bytes");
        tls.validate();
        limits.validate();
        httpSecurity.validate();
        roomAccess.validate();
        if (turn instanceof TurnMode.Local local) {
            local.settings().validate();
        }
        return this;
    }

    /**
     * Enough threads to keep both cores busy while a few block on disk, few enough that the WebSocket work is not
     * spread over hundreds of threads: Javalin's default pool (up to 250) cut relay throughput several times over
     * on 2 cores in docs/benchmarks.md.
     */
    public static int defaultHttpThreads() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** The worker threads to run, with 0 resolved to the default. */
    public int effectiveHttpThreads() {
        return httpThreads == 0 ? defaultHttpThreads() : httpThreads;
    }

    public ServerConfig withHttpThreads(int value) {
        return new ServerConfig(host, httpPort, value, tls, limits,
                iceServers, webDir, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, httpPort, httpThreads, tls, limits,
                iceServers, webDir, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withHttpPort(int value) {
        return new ServerConfig(host, value, httpThreads, tls, limits,
                iceServers, webDir, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withTls(TlsOptions value) {
        return new ServerConfig(host, httpPort, httpThreads, value, limits,
                iceServers, webDir, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withLimits(SignalingLimits value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, value,
                iceServers, webDir, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withIceServers(List<IceServer> value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, limits,
                value, webDir, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withWebDir(Path value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, limits,
                iceServers, value, turn, resumeSecret, httpSecurity, roomAccess);
    }

    public ServerConfig withResumeSecret(String value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, limits,
                iceServers, webDir, turn, value, httpSecurity, roomAccess);
    }

    public ServerConfig withHttpSecurity(HttpSecurity value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, limits,
                iceServers, webDir, turn, resumeSecret, value, roomAccess);
    }

    public ServerConfig withRoomAccess(RoomAccess value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, limits,
                iceServers, webDir, turn, resumeSecret, httpSecurity, value);
    }

    /** Runs our STUN/TURN server here with these settings. */
    public ServerConfig withTurn(TurnSettings value) {
        return withTurn(new TurnMode.Local(value));
    }

    public ServerConfig withTurn(TurnMode value) {
        return new ServerConfig(host, httpPort, httpThreads, tls, limits,
                iceServers, webDir, value, resumeSecret, httpSecurity, roomAccess);
    }
}
