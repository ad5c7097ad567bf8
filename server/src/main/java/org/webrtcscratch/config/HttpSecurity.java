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
 * @param addressLimitsOnLoopback  whether clients on loopback count under the per-address limits too; by default
 *                                 they are exempt, since a reverse proxy or the bench on this machine is many
 *                                 clients behind one address
 */
public record HttpSecurity(
        List<String> allowedOrigins,
        List<String> allowedHosts,
        String metricsToken,
        int maxConnectionsPerAddress,
        Duration headerTimeout,
        boolean addressLimitsOnLoopback) {

    public HttpSecurity {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Same origin only, the server's own names, /metrics open, 256 connections an address, 10 s for headers. */
    public static HttpSecurity defaults() {
        return new HttpSecurity(List.of(), List.of(), null, 256, Duration.ofSeconds(10), false);
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
        return new HttpSecurity(value, allowedHosts, metricsToken, maxConnectionsPerAddress, headerTimeout,
                addressLimitsOnLoopback);
    }

    public HttpSecurity withAllowedHosts(List<String> value) {
        return new HttpSecurity(allowedOrigins, value, metricsToken, maxConnectionsPerAddress, headerTimeout,
                addressLimitsOnLoopback);
    }

    public HttpSecurity withMetricsToken(String value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, value, maxConnectionsPerAddress, headerTimeout,
                addressLimitsOnLoopback);
    }

    public HttpSecurity withMaxConnectionsPerAddress(int value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, metricsToken, value, headerTimeout,
                addressLimitsOnLoopback);
    }

    public HttpSecurity withHeaderTimeout(Duration value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, metricsToken, maxConnectionsPerAddress, value,
                addressLimitsOnLoopback);
    }

    public HttpSecurity withAddressLimitsOnLoopback(boolean value) {
        return new HttpSecurity(allowedOrigins, allowedHosts, metricsToken, maxConnectionsPerAddress, headerTimeout,
                value);
    }
}
