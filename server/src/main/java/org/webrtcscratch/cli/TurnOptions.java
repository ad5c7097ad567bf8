package org.webrtcscratch.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.net.HostAndPort;
import org.webrtcscratch.turn.LocalAddresses;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.allocation.PortRange;
import org.webrtcscratch.turn.auth.GuessLimits;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.policy.Cidr;
import org.webrtcscratch.turn.transport.TcpLimits;
import picocli.CommandLine.Option;

/** The STUN/TURN options, shared by {@code serve} and {@code turn}. */
final class TurnOptions {

    @Option(names = "--turn-port", paramLabel = "PORT", defaultValue = "${SCRATCH_TURN_PORT:-3478}",
            description = "STUN/TURN port, UDP and TCP; 0 turns STUN/TURN off [SCRATCH_TURN_PORT]"
                    + " (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--turn-tls-port", paramLabel = "PORT", defaultValue = "${SCRATCH_TURN_TLS_PORT:-5349}",
            description = "TURN over TLS (turns:) port, with the certificate of --tls or --tls-cert when there is"
                    + " one (serve: the web server's); 443 passes networks that let only HTTPS out; 0 for none"
                    + " [SCRATCH_TURN_TLS_PORT] (default: ${DEFAULT-VALUE}).")
    int tlsPort;

    @Option(names = "--turn-realm", paramLabel = "REALM", defaultValue = "${SCRATCH_TURN_REALM:-webrtc-scratch}",
            description = "Realm of TURN credentials [SCRATCH_TURN_REALM] (default: ${DEFAULT-VALUE}).")
    String realm;

    @Option(names = "--turn-secret", paramLabel = "SECRET", defaultValue = "${SCRATCH_TURN_SECRET}",
            description = "Shared secret of time-limited TURN credentials (TURN REST API, coturn's"
                    + " static-auth-secret); random per process when not given [SCRATCH_TURN_SECRET].")
    String secret;

    @Option(names = "--turn-secret-file", paramLabel = "FILE", defaultValue = "${SCRATCH_TURN_SECRET_FILE}",
            description = "File holding the TURN REST secret (trailing whitespace ignored), so that it shows in no"
                    + " process list [SCRATCH_TURN_SECRET_FILE].")
    Path secretFile;

    @Option(names = "--turn-users-file", paramLabel = "FILE", defaultValue = "${SCRATCH_TURN_USERS_FILE}",
            description = "File of fixed TURN users, NAME:PASS a line ('#' starts a comment line), added to"
                    + " --turn-user [SCRATCH_TURN_USERS_FILE].")
    Path usersFile;

    @Option(names = "--turn-user", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "NAME:PASS",
            defaultValue = "${SCRATCH_TURN_USERS}",
            description = "A fixed TURN user; repeatable [SCRATCH_TURN_USERS, space-separated].")
    List<String> users;

    @Option(names = "--turn-relay-ports", paramLabel = "FROM-TO",
            defaultValue = "${SCRATCH_TURN_RELAY_PORTS:-61000-65535}",
            description = "UDP ports for relayed addresses [SCRATCH_TURN_RELAY_PORTS] (default: ${DEFAULT-VALUE}).")
    String relayPorts;

    @Option(names = "--turn-relay-ip", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "ADDRESS",
            defaultValue = "${SCRATCH_TURN_RELAY_IPS}",
            description = "Local address relay sockets bind to, one per family; default: the listen address, or"
                    + " this host's first address [SCRATCH_TURN_RELAY_IPS, space-separated].")
    List<String> relayIps;

    @Option(names = "--turn-external-ip", paramLabel = "ADDRESS", defaultValue = "${SCRATCH_TURN_EXTERNAL_IP}",
            description = "Public address of this host behind a 1:1 NAT: advertised as the relayed address and"
                    + " in the ICE servers handed to browsers [SCRATCH_TURN_EXTERNAL_IP].")
    String externalIp;

    @Option(names = "--turn-allow-loopback-peers", defaultValue = "${SCRATCH_TURN_ALLOW_LOOPBACK_PEERS:-false}",
            description = "Relay to 127.0.0.0/8 and ::1 (single-machine demos and tests only)"
                    + " [SCRATCH_TURN_ALLOW_LOOPBACK_PEERS].")
    boolean allowLoopbackPeers;

    @Option(names = "--turn-allow-private-peers", defaultValue = "${SCRATCH_TURN_ALLOW_PRIVATE_PEERS:-false}",
            description = "Relay to private (RFC 1918, CGNAT, unique-local) peers, for a TURN server inside a LAN"
                    + " [SCRATCH_TURN_ALLOW_PRIVATE_PEERS].")
    boolean allowPrivatePeers;

    @Option(names = "--turn-denied-peer", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "CIDR",
            defaultValue = "${SCRATCH_TURN_DENIED_PEERS}",
            description = "Peer addresses never relayed to, ADDRESS or ADDRESS/PREFIX; repeatable; wins over every"
                    + " allow [SCRATCH_TURN_DENIED_PEERS, space-separated].")
    List<String> deniedPeers;

    @Option(names = "--turn-allowed-peer", split = "\\s+", splitSynopsisLabel = " ", paramLabel = "CIDR",
            defaultValue = "${SCRATCH_TURN_ALLOWED_PEERS}",
            description = "Peer addresses relayed to although special-purpose or this server's own (never multicast,"
                    + " broadcast or unspecified); repeatable [SCRATCH_TURN_ALLOWED_PEERS, space-separated].")
    List<String> allowedPeers;

    @Option(names = "--turn-bandwidth", paramLabel = "BYTES_PER_SECOND", defaultValue = "${SCRATCH_TURN_BANDWIDTH:-0}",
            description = "Relayed bytes a second per allocation and direction; 0 for no cap"
                    + " [SCRATCH_TURN_BANDWIDTH] (default: ${DEFAULT-VALUE}).")
    long bandwidth;

    @Option(names = "--turn-max-allocations", paramLabel = "N", defaultValue = "${SCRATCH_TURN_MAX_ALLOCATIONS:-4000}",
            description = "Allocations on this server at most [SCRATCH_TURN_MAX_ALLOCATIONS] (default: ${DEFAULT-VALUE}).")
    int maxAllocations;

    @Option(names = "--turn-user-quota", paramLabel = "N", defaultValue = "${SCRATCH_TURN_USER_QUOTA:-0}",
            description = "Allocations one username may hold; 0 for no limit but --turn-max-allocations"
                    + " [SCRATCH_TURN_USER_QUOTA] (default: ${DEFAULT-VALUE}).")
    int userQuota;

    @Option(names = "--turn-allocations-per-address", paramLabel = "N",
            defaultValue = "${SCRATCH_TURN_ALLOCATIONS_PER_ADDRESS:-500}",
            description = "Allocations one client address (IPv4, or IPv6 /64) may hold, whatever its usernames"
                    + " [SCRATCH_TURN_ALLOCATIONS_PER_ADDRESS] (default: ${DEFAULT-VALUE}).")
    int allocationsPerAddress;

    @Option(names = "--turn-tcp-idle-timeout", paramLabel = "DURATION",
            defaultValue = "${SCRATCH_TURN_TCP_IDLE_TIMEOUT:-30s}",
            description = "A TURN TCP connection without an allocation that sends nothing this long is closed"
                    + " [SCRATCH_TURN_TCP_IDLE_TIMEOUT] (default: ${DEFAULT-VALUE}).")
    Duration tcpIdleTimeout;

    @Option(names = "--turn-tcp-connections-per-address", paramLabel = "N",
            defaultValue = "${SCRATCH_TURN_TCP_CONNECTIONS_PER_ADDRESS:-256}",
            description = "TURN TCP connections one client address may hold [SCRATCH_TURN_TCP_CONNECTIONS_PER_ADDRESS]"
                    + " (default: ${DEFAULT-VALUE}).")
    int tcpConnectionsPerAddress;

    @Option(names = "--turn-tcp-output-budget", paramLabel = "BYTES",
            defaultValue = "${SCRATCH_TURN_TCP_OUTPUT_BUDGET:-524288}",
            description = "Bytes queued for one TURN TCP client that reads too slowly before it is dropped"
                    + " [SCRATCH_TURN_TCP_OUTPUT_BUDGET] (default: ${DEFAULT-VALUE}).")
    long tcpOutputBudget;

    @Option(names = "--turn-tcp-total-output-budget", paramLabel = "BYTES",
            defaultValue = "${SCRATCH_TURN_TCP_TOTAL_OUTPUT_BUDGET:-134217728}",
            description = "Bytes queued for all TURN TCP clients together [SCRATCH_TURN_TCP_TOTAL_OUTPUT_BUDGET]"
                    + " (default: ${DEFAULT-VALUE}).")
    long tcpTotalOutputBudget;

    @Option(names = "--turn-credential-ttl", paramLabel = "DURATION",
            defaultValue = "${SCRATCH_TURN_CREDENTIAL_TTL:-10m}",
            description = "Lifetime of the TURN credentials handed to browsers in a room; the web app asks for fresh"
                    + " ones before they expire [SCRATCH_TURN_CREDENTIAL_TTL] (default: ${DEFAULT-VALUE}).")
    Duration credentialTtl;

    @Option(names = "--turn-max-credential-lifetime", paramLabel = "DURATION",
            defaultValue = "${SCRATCH_TURN_MAX_CREDENTIAL_LIFETIME}",
            description = "TURN REST credentials whose expiry is further away than this are refused (401);"
                    + " default 24h5m (a day, as REST credentials are usually minted), or --turn-credential-ttl when"
                    + " that is longer"
                    + " [SCRATCH_TURN_MAX_CREDENTIAL_LIFETIME].")
    Duration maxCredentialLifetime;

    @Option(names = "--turn-credential-refresh-interval", paramLabel = "DURATION",
            defaultValue = "${SCRATCH_TURN_CREDENTIAL_REFRESH_INTERVAL:-10s}",
            description = "Shortest time between two answered credential refreshes (refresh-ice-servers) of one"
                    + " signaling connection (serve only) [SCRATCH_TURN_CREDENTIAL_REFRESH_INTERVAL]"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration credentialRefreshInterval;

    @Option(names = "--turn-auth-failures", paramLabel = "N", defaultValue = "${SCRATCH_TURN_AUTH_FAILURES:-10}",
            description = "Wrong TURN credentials from one address (or for one username) before it is locked out"
                    + " [SCRATCH_TURN_AUTH_FAILURES] (default: ${DEFAULT-VALUE}).")
    int authFailures;

    @Option(names = "--turn-auth-lockout", paramLabel = "DURATION", defaultValue = "${SCRATCH_TURN_AUTH_LOCKOUT:-1s}",
            description = "First lockout for wrong TURN credentials, doubled by each wrong guess after it"
                    + " [SCRATCH_TURN_AUTH_LOCKOUT] (default: ${DEFAULT-VALUE}).")
    Duration authLockout;

    @Option(names = "--turn-auth-max-lockout", paramLabel = "DURATION",
            defaultValue = "${SCRATCH_TURN_AUTH_MAX_LOCKOUT:-15m}",
            description = "Longest lockout of an address for wrong TURN credentials [SCRATCH_TURN_AUTH_MAX_LOCKOUT]"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration authMaxLockout;

    @Option(names = "--turn-auth-max-user-lockout", paramLabel = "DURATION",
            defaultValue = "${SCRATCH_TURN_AUTH_MAX_USER_LOCKOUT:-1m}",
            description = "Longest lockout of a username guessed from many addresses (addresses it signed in from"
                    + " before pass) [SCRATCH_TURN_AUTH_MAX_USER_LOCKOUT] (default: ${DEFAULT-VALUE}).")
    Duration authMaxUserLockout;

    @Option(names = "--turn-software", paramLabel = "TEXT", defaultValue = "${SCRATCH_TURN_SOFTWARE}",
            description = "SOFTWARE attribute of every STUN/TURN response; none by default [SCRATCH_TURN_SOFTWARE].")
    String software;

    @Option(names = "--turn-threads", paramLabel = "N", defaultValue = "${SCRATCH_TURN_THREADS:-0}",
            description = "UDP receive threads per address and relay threads; 0 for one per CPU"
                    + " [SCRATCH_TURN_THREADS] (default: ${DEFAULT-VALUE}).")
    int threads;

    /**
     * The settings these options describe for a server listening on {@code host}, or empty when
     * {@code --turn-port 0} turns STUN/TURN off.
     *
     * @throws IllegalArgumentException for a value that is wrong, saying which
     */
    Optional<TurnSettings> toSettings(String host) {
        if (port == 0) {
            return Optional.empty();
        }
        List<InetAddress> listen = LocalAddresses.listenAddresses(address("--host", host));
        Optional<InetAddress> external = Optional.ofNullable(externalIp).filter(s -> !s.isBlank())
                .map(s -> address("--turn-external-ip", s));
        List<InetAddress> relayBinds = nonBlank(relayIps).stream().map(s -> address("--turn-relay-ip", s)).toList();
        TurnConfig config = TurnConfig.builder()
                .realm(realm)
                .relayIps(LocalAddresses.relayIps(listen, relayBinds, external))
                .relayPorts(portRange(relayPorts))
                .allowLoopbackPeers(allowLoopbackPeers)
                .allowPrivatePeers(allowPrivatePeers)
                .deniedPeers(cidrs("--turn-denied-peer", deniedPeers))
                .allowedPeers(cidrs("--turn-allowed-peer", allowedPeers))
                .bandwidthCapBytesPerSecond(bandwidth)
                .maxAllocations(maxAllocations)
                .maxAllocationsPerUser(userQuota == 0 ? maxAllocations : userQuota)
                .maxAllocationsPerSource(allocationsPerAddress)
                .tcp(new TcpLimits(tcpIdleTimeout, tcpConnectionsPerAddress, tcpOutputBudget, tcpTotalOutputBudget))
                .credentialTtl(credentialTtl)
                .maxCredentialLifetime(maxCredentialLifetime())
                .credentialRefreshInterval(credentialRefreshInterval)
                .guessLimits(new GuessLimits(authFailures, authLockout, authMaxLockout, authMaxUserLockout,
                        GuessLimits.DEFAULTS.trackedKeys()))
                .build();
        RestApiSecret restSecret = secret().map(RestApiSecret::of).orElseGet(TurnSettings::randomSecret);
        return Optional.of(new TurnSettings(port, listen, config, restSecret, allUsers(), external,
                Optional.ofNullable(software).filter(s -> !s.isBlank()),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), Optional.empty()));
    }

    /** {@code --turn-max-credential-lifetime}, or a day and 5 minutes, or the credentials' own lifetime when that is longer. */
    private Duration maxCredentialLifetime() {
        if (maxCredentialLifetime != null) {
            return maxCredentialLifetime;
        }
        return credentialTtl.compareTo(TurnConfig.DEFAULT_MAX_CREDENTIAL_LIFETIME) > 0 ? credentialTtl
                : TurnConfig.DEFAULT_MAX_CREDENTIAL_LIFETIME;
    }

    /** Whether a REST API secret was given (else nobody outside this process can mint credentials). */
    boolean hasSecret() {
        return secret().isPresent();
    }

    /**
     * The REST API secret from {@code --turn-secret} (or its variable) or {@code --turn-secret-file}.
     *
     * @throws IllegalArgumentException when both are given, or the file cannot be read or is empty
     */
    private Optional<String> secret() {
        boolean inline = secret != null && !secret.isEmpty();
        if (secretFile == null) {
            return inline ? Optional.of(secret) : Optional.empty();
        }
        if (inline) {
            throw new IllegalArgumentException("give --turn-secret or --turn-secret-file, not both");
        }
        String fromFile = read("--turn-secret-file", secretFile).strip();
        if (fromFile.isEmpty()) {
            throw new IllegalArgumentException("--turn-secret-file " + secretFile + " is empty");
        }
        return Optional.of(fromFile);
    }

    /** {@code --turn-user} entries, then the lines of {@code --turn-users-file}. */
    private List<String> allUsers() {
        List<String> all = new ArrayList<>(nonBlank(users));
        if (usersFile != null) {
            read("--turn-users-file", usersFile).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(all::add);
        }
        return all;
    }

    private static String read(String option, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * For {@code serve}: a remote {@code turn} machine when {@code remote} ({@code HOST[:PORT]}) is given, else
     * the server these options describe, run here, or none for {@code --turn-port 0}.
     */
    TurnMode toMode(String host, String remote) {
        if (remote == null || remote.isBlank()) {
            if (tlsPort < 0 || tlsPort > 65535) {
                throw new IllegalArgumentException("--turn-tls-port must be 0..65535, got " + tlsPort);
            }
            OptionalInt tls = tlsPort == 0 ? OptionalInt.empty() : OptionalInt.of(tlsPort);
            return toSettings(host).<TurnMode>map(settings -> new TurnMode.Local(settings, tls)).orElse(TurnMode.OFF);
        }
        if (!hasSecret()) {
            throw new IllegalArgumentException("--turn-remote needs --turn-secret, the same as the turn machine's,"
                    + " to hand out credentials it accepts");
        }
        HostAndPort parsed;
        try {
            parsed = HostAndPort.parse(remote);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--turn-remote must be HOST or HOST:PORT, not '" + remote + "'");
        }
        return new TurnMode.Remote(parsed.host(), parsed.port().orElse(TurnSettings.DEFAULT_PORT),
                RestApiSecret.of(secret().orElseThrow()), credentialTtl, credentialRefreshInterval);
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> !s.isBlank()).toList();
    }

    private static List<Cidr> cidrs(String option, List<String> values) {
        return nonBlank(values).stream().map(value -> {
            try {
                return Cidr.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + " '" + value + "' is not ADDRESS or ADDRESS/PREFIX: "
                        + e.getMessage());
            }
        }).toList();
    }

    private static PortRange portRange(String range) {
        String[] ends = range.strip().split("-", -1);
        try {
            if (ends.length == 2) {
                return new PortRange(Integer.parseInt(ends[0].strip()), Integer.parseInt(ends[1].strip()));
            }
        } catch (NumberFormatException e) {
            // Reported below with the expected form.
        }
        throw new IllegalArgumentException("--turn-relay-ports must be FROM-TO, e.g. 61000-65535, not '" + range + "'");
    }

    private static InetAddress address(String option, String value) {
        try {
            return InetAddress.getByName(value.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not an address of this host");
        }
    }
}
