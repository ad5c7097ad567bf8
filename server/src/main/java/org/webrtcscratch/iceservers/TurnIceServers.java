package org.webrtcscratch.iceservers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.webrtcscratch.net.HostAndPort;
import org.webrtcscratch.turn.auth.TurnCredential;
import org.webrtcscratch.turn.auth.TurnCredentialIssuer;

/**
 * Our own STUN/TURN server as ICE servers (RFC 7064 {@code stun:} and RFC 7065 {@code turn:} URLs, and
 * {@code turns:} when TURN over TLS is on: some networks let only TLS out), with
 * fresh time-limited TURN REST API credentials for every peer, followed by the configured extra servers.
 *
 * <p>The host in the URLs is the server's external IP when one is configured; otherwise the host the
 * browser loaded the page from (the request's Host header), which it can evidently reach. Without either,
 * only the extra servers are given.
 */
public final class TurnIceServers implements IceServerProvider {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._%:-]+");

    private final TurnCredentialIssuer issuer;
    private final int port;
    private final OptionalInt tlsPort;
    private final Optional<String> advertisedHost;
    private final List<IceServer> extra;
    private final Duration minRefreshInterval;

    /**
     * @param tlsPort        the port of TURN over TLS, handed out as a {@code turns:} URL (RFC 7065) beside the
     *                       {@code turn:} ones, or empty when there is none
     * @param advertisedHost the host to put in every URL (a configured external IP), or empty to use the
     *                       request's
     */
    public TurnIceServers(TurnCredentialIssuer issuer, int port, OptionalInt tlsPort, Optional<String> advertisedHost,
            List<IceServer> extra) {
        this(issuer, port, tlsPort, advertisedHost, extra, DEFAULT_MIN_REFRESH_INTERVAL);
    }

    /** @param minRefreshInterval the shortest time between two answered refreshes of one connection */
    public TurnIceServers(TurnCredentialIssuer issuer, int port, OptionalInt tlsPort, Optional<String> advertisedHost,
            List<IceServer> extra, Duration minRefreshInterval) {
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.port = port;
        this.tlsPort = Objects.requireNonNull(tlsPort, "tlsPort");
        this.advertisedHost = Objects.requireNonNull(advertisedHost, "advertisedHost");
        this.extra = List.copyOf(extra);
    }

    @Override
    public List<IceServer> iceServersFor(String peerId, String requestHost) {
        Optional<String> host = advertisedHost.or(() -> hostOf(requestHost));
        if (host.isEmpty()) {
            return extra;
        }
        String hostPart = host.get().contains(":") ? "[" + host.get() + "]" : host.get();
        String authority = hostPart + ":" + port;
        TurnCredential credential = issuer.issue(peerId == null ? "" : peerId);
        List<IceServer> servers = new ArrayList<>();
        servers.add(new IceServer(List.of("stun:" + authority), null, null));
        List<String> turnUrls = new ArrayList<>(List.of("turn:" + authority + "?transport=udp",
                "turn:" + authority + "?transport=tcp"));
        tlsPort.ifPresent(tls -> turnUrls.add("turns:" + hostPart + ":" + tls + "?transport=tcp"));
        servers.add(new IceServer(List.copyOf(turnUrls), credential.username(), credential.password()));
        servers.addAll(extra);
        return List.copyOf(servers);
    }

    @Override
    public Optional<Duration> credentialLifetime() {
        return Optional.of(issuer.ttl());
    }

    @Override
    public Duration minRefreshInterval() {
        return minRefreshInterval;
    }

    /**
     * The host part of a Host header (RFC 9110 §7.2: {@code uri-host [":" port]}): {@code example.org:8080}
     * gives {@code example.org}, {@code [2001:db8::1]:8080} gives {@code 2001:db8::1}.
     */
    static Optional<String> hostOf(String hostHeader) {
        if (hostHeader == null) {
            return Optional.empty();
        }
        String host;
        try {
            host = HostAndPort.parse(hostHeader).host();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // The header is the client's to write; anything but a name or an address is no host to hand back.
        return HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }
}
