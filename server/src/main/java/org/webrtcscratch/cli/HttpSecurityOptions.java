package org.webrtcscratch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.webrtcscratch.config.HttpSecurity;
import picocli.CommandLine.Option;

/** Who may reach the HTTP side of {@code serve}: origins, host names, the metrics token, connection caps. */
final class HttpSecurityOptions {

    /** The metrics token comes from a file or the environment, never the command line, where {@code ps} shows it. */
    static final String METRICS_TOKEN_VARIABLE = "SCRATCH_METRICS_TOKEN";

    @Option(names = "--allowed-origin", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "ORIGIN",
            defaultValue = "${SCRATCH_ALLOWED_ORIGINS}",
            description = "Another site whose pages may open /ws (https://app.example.org), or * for any; the"
                    + " server's own pages and clients without Origin always may; repeatable"
                    + " [SCRATCH_ALLOWED_ORIGINS, space-separated].")
    List<String> allowedOrigins;

    @Option(names = "--allowed-host", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "NAME",
            defaultValue = "${SCRATCH_ALLOWED_HOSTS}",
            description = "A name browsers reach this server by over plain http (call.example.org), besides IP"
                    + " addresses, localhost, this machine's name and the certificate's names; * for any;"
                    + " repeatable [SCRATCH_ALLOWED_HOSTS, space-separated].")
    List<String> allowedHosts;

    @Option(names = "--metrics-token-file", paramLabel = "FILE", defaultValue = "${SCRATCH_METRICS_TOKEN_FILE}",
            description = "/metrics then asks for 'Authorization: Bearer' and this file's content; or set"
                    + " SCRATCH_METRICS_TOKEN; without either, /metrics stays open [SCRATCH_METRICS_TOKEN_FILE].")
    Path metricsTokenFile;

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            defaultValue = "${SCRATCH_MAX_CONNECTIONS_PER_ADDRESS:-256}",
            description = "TCP connections (HTTP and WebSocket) one remote address may hold"
                    + " [SCRATCH_MAX_CONNECTIONS_PER_ADDRESS] (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerAddress;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "${SCRATCH_HEADER_TIMEOUT:-10s}",
            description = "Time a client has to finish the TLS handshake and send a request's headers"
                    + " [SCRATCH_HEADER_TIMEOUT] (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--address-limits-on-loopback", defaultValue = "${SCRATCH_ADDRESS_LIMITS_ON_LOOPBACK:-false}",
            description = "Count clients on loopback under the per-address limits too; by default a reverse proxy"
                    + " or the bench on this machine is exempt [SCRATCH_ADDRESS_LIMITS_ON_LOOPBACK].")
    boolean addressLimitsOnLoopback;

    HttpSecurity toSettings() {
        return new HttpSecurity(nonBlank(allowedOrigins), nonBlank(allowedHosts), metricsToken(),
                maxConnectionsPerAddress, headerTimeout, addressLimitsOnLoopback);
    }

    private String metricsToken() {
        if (metricsTokenFile != null) {
            try {
                return Files.readString(metricsTokenFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --metrics-token-file " + metricsTokenFile, e);
            }
        }
        String fromEnvironment = System.getenv(METRICS_TOKEN_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
    }
}
