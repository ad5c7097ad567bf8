package org.webrtcscratch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.signaling.IceServer;
import org.webrtcscratch.turn.TurnSettings;

/**
 * Everything {@code serve} needs, validated once at start-up.
 *
 * @param host       address the HTTP server binds ({@code 0.0.0.0} for every interface)
 * @param httpPort   HTTP(S) and WebSocket port; 0 picks a free one (tests)
 * @param tls        TLS mode
 * @param limits     signaling limits
 * @param iceServers ICE servers handed to every client besides our own TURN's
 * @param webDir     serve the web app from this folder instead of the jar (for editing it live); may be null
 * @param turn       our own STUN/TURN server, or empty for none. {@link #defaults()} has none, so tests that
 *                   do not ask for TURN open no UDP ports; a TURN port of 0 in the settings picks a free
 *                   port (while the command line's {@code --turn-port 0} means empty here)
 */
public record ServerConfig(
        String host,
        int httpPort,
        TlsOptions tls,
        SignalingLimits limits,
        List<IceServer> iceServers,
        Path webDir,
        Optional<TurnSettings> turn) {

    public ServerConfig {
        iceServers = List.copyOf(iceServers);
        Objects.requireNonNull(turn, "turn");
    }

    /** HTTP on 0.0.0.0:8080, default limits, no TLS, no TURN. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 8080, TlsOptions.off(), SignalingLimits.defaults(), List.of(), null,
                Optional.empty());
    }

    public ServerConfig validate() {
        SignalingLimits.require(httpPort >= 0 && httpPort <= 65535, "port must be 0..65535");
        SignalingLimits.require(host != null && !host.isBlank(), "host must not be empty");
        tls.validate();
        limits.validate();
        turn.ifPresent(TurnSettings::validate);
        return this;
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, httpPort, tls, limits, iceServers, webDir, turn);
    }

    public ServerConfig withHttpPort(int value) {
        return new ServerConfig(host, value, tls, limits, iceServers, webDir, turn);
    }

    public ServerConfig withTls(TlsOptions value) {
        return new ServerConfig(host, httpPort, value, limits, iceServers, webDir, turn);
    }

    public ServerConfig withLimits(SignalingLimits value) {
        return new ServerConfig(host, httpPort, tls, value, iceServers, webDir, turn);
    }

    public ServerConfig withIceServers(List<IceServer> value) {
        return new ServerConfig(host, httpPort, tls, limits, value, webDir, turn);
    }

    public ServerConfig withWebDir(Path value) {
        return new ServerConfig(host, httpPort, tls, limits, iceServers, value, turn);
    }

    /** Runs our STUN/TURN server with these settings. */
    public ServerConfig withTurn(TurnSettings value) {
        return new ServerConfig(host, httpPort, tls, limits, iceServers, webDir, Optional.of(value));
    }
}
