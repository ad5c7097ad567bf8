package org.webrtcscratch.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.webrtcscratch.net.HostAndPort;
import org.webrtcscratch.websocket.UpgradeCheck;

/**
 * Who may open the signaling WebSocket. A browser always sends Origin, so a page of another site that tries
 * to join rooms through its visitor's browser (cross-site WebSocket hijacking) is refused unless its origin is
 * allowed; a request without Origin comes from a program (bench, CLI peers), which could send any Origin it
 * liked, so it passes. "Same origin" compares host names only, not scheme and port, so that a reverse proxy
 * that ends TLS in front of the server needs no setting. Over plain HTTP a browser's Host header must also be
 * an IP address or one of the server's names: a page that rebinds its own name to this server's address (DNS
 * rebinding) is same-origin with itself, and only its Host gives it away; over TLS the certificate already
 * stops that. Pure: the names are given.
 */
public final class OriginPolicy implements UpgradeCheck {

    /** Allows every origin, or every host name, when given as the only entry. */
    public static final String ANY = "*";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** What a refused request was refused for, as counted. */
    public enum Refusal { ORIGIN, HOST }

    private final Set<String> allowedOrigins;
    private final Set<String> hostNames;
    private final LongAdder refusedOrigin = new LongAdder();
    private final LongAdder refusedHost = new LongAdder();

    /**
     * @param allowedOrigins origins besides the server's own ({@code https://app.example.org}), or {@link #ANY}
     * @param hostNames      names the server may be reached by besides IP addresses, or {@link #ANY};
     *                       {@code localhost} and its subdomains always are
     */
    public OriginPolicy(Collection<String> allowedOrigins, Collection<String> hostNames) {
        this.allowedOrigins = allowedOrigins.stream().map(OriginPolicy::normalOrigin).collect(Collectors.toSet());
        this.hostNames = hostNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public String refusal(String origin, String host, boolean secure) {
        if (origin == null) {
            return null;
        }
        HostAndPort reached = parseHost(host);
        if (reached == null || !secure && !isServerName(reached.host())) {
            refusedHost.increment();
            return "Host '" + host + "' is not a name of this server (DNS rebinding?); start it with"
                    + " --allowed-host NAME to serve that name";
        }
        if (allowedOrigins.contains(ANY) || allowedOrigins.contains(normalOrigin(origin))
                || sameHost(origin, reached)) {
            return null;
        }
        refusedOrigin.increment();
        return "Origin '" + origin + "' is not this server's own; start it with --allowed-origin " + origin
                + " to let that site's pages connect";
    }

    public long refused(Refusal reason) {
        return (reason == Refusal.ORIGIN ? refusedOrigin : refusedHost).sum();
    }

    private boolean isServerName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return hostNames.contains(ANY) || hostNames.contains(name) || name.equals("localhost")
                || name.endsWith(".localhost") || name.contains(":") || IPV4.matcher(name).matches();
    }

    /** The page was loaded from the name the request reached the server by. */
    private static boolean sameHost(String origin, HostAndPort reached) {
        URI uri = parseOrigin(origin);
        return uri != null && uri.getHost() != null
                && uri.getHost().replaceAll("^\\[|]$", "").equalsIgnoreCase(reached.host());
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** {@code scheme://host:port} in lower case with the default port written out, or the text as given. */
    private static String normalOrigin(String origin) {
        URI uri = parseOrigin(origin);
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return origin.toLowerCase(Locale.ROOT);
        }
        int port = uri.getPort() < 0 ? defaultPort(uri.getScheme()) : uri.getPort();
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
    }

    private static URI parseOrigin(String origin) {
        try {
            return new URI(origin.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static HostAndPort parseHost(String host) {
        try {
            return host == null || host.isBlank() ? null : HostAndPort.parse(host);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
