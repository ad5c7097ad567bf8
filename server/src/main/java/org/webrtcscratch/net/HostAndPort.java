package org.webrtcscratch.net;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A host and maybe a port, as written in a URI's authority or an HTTP Host header (RFC 3986 §3.2.2-3.2.3,
 * RFC 9110 §7.2): {@code example.org}, {@code example.org:8080}, {@code [2001:db8::1]:8080}. An IPv6 address
 * with a port needs its brackets; without them, {@code 2001:db8::1} is all host. An empty port ("host:") is
 * no port, as RFC 3986 reads it.
 *
 * @param host without brackets
 */
public record HostAndPort(String host, OptionalInt port) {

    private static final int MAX_PORT = 65_535;

    public HostAndPort {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
    }

    /**
     * Splits {@code text} (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException when a bracket is left open, something other than a port follows the
     *         closing one, or the port is not a number from 0 to 65535
     */
    public static HostAndPort parse(String text) {
        String spec = text.strip();
        if (spec.startsWith("[")) {
            int end = spec.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("'" + text + "' opens a bracket and never closes it");
            }
            String rest = spec.substring(end + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "' has '" + rest + "' after the address, not a port");
            }
            return new HostAndPort(spec.substring(1, end), port(text, rest.isEmpty() ? "" : rest.substring(1)));
        }
        int colon = spec.indexOf(':');
        if (colon < 0 || spec.indexOf(':', colon + 1) >= 0) {
            return new HostAndPort(spec, OptionalInt.empty());
        }
        return new HostAndPort(spec.substring(0, colon), port(text, spec.substring(colon + 1)));
    }

    private static OptionalInt port(String text, String digits) {
        if (digits.isEmpty()) {
            return OptionalInt.empty();
        }
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) > MAX_PORT) {
            throw new IllegalArgumentException("'" + text + "' has port '" + digits + "', not a number from 0 to "
                    + MAX_PORT);
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }
}
