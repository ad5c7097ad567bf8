package org.webrtcscratch.config;

import java.time.Duration;
import java.util.List;

/**
 * Who may reach the HTTP side and for how long (docs/security.md, docs/configuration.md).
 *
 * @param allowedOrigins           origins besides the server's own whose pages may open {@code /ws}; {@code *} for any
 * @param allowedHosts             names, besides IP addresses and {@code localhost}, browsers may reach the server by
 *                                 over plain HTTP; {@code *} for any
 * @param metricsToken             bearer token {@code /metrics} asks for; null leaves it open (the old default)
 * @param maxConnectionsPerAddress TCP connections (HTTP and WebSocket) one remote address may hold at once
 * @param headerTimeout            time a client has to send a request's headers (and finish the TLS handshake)
 */
public record HttpSecurity(
        List<String> allowedOrigins,
        List<String> allowedHosts,
        String metricsToken,
        int maxConnectionsPerAddress,
        Duration headerTimeout) {

    public HttpSecurity {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Same origin only, the server's own names, /metrics open, 256 connections an address, 10 s for headers. */
    public static HttpSecurity defaults() {
        return new HttpSecurity(List.of(), List.of(), null, 256, Duration.ofSeconds(10));
    }

    public HttpSecurity validate() {
        Checks.require(metricsToken == null || metricsToken.length() >= 16,
                "the metrics token must be at least 16 characters");
        Checks.require(maxConnectionsPerAddress >= 1, "max connections per address must be at least 1");
        Checks.require(headerTimeout.toMillis() > 0, "header timeout must be positive");
        Checks.require(allowedOrigins.stream().noneMatch(String::isBlank), "an allowed origin must not be empty");
        Checks.require(allowedHosts.stream().noneMatch(String::isBlank), "an allowed host must not be empty");
        return this;
    }

    public HttpSecurity withAllowedOrigins(List<String> value) {
        return new HttpSecurity(value, allowedHosts, metricsToken, maxConnectionsPerAddress, headerTimeout);
    }

    public HttpSecurity withAllowedHosts(List<String> value) {
        return new HttpSecurity(allowedOrigins, value, metricsToken, maxConnectionsPerAddress, headerTimeout);
    }

    public HttpSecurity withMetricsToken(String value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, value, maxConnectionsPerAddress, headerTimeout);
    }

    public HttpSecurity withMaxConnectionsPerAddress(int value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, metricsToken, value, headerTimeout);
    }

    public HttpSecurity withHeaderTimeout(Duration value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, metricsToken, maxConnectionsPerAddress, value);
    }
}
