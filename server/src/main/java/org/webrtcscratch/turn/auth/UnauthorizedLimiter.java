package org.webrtcscratch.turn.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webrtcscratch.turn.policy.ClientSource;

/**
 * Caps the 401 (Unauthenticated) answers sent to one source, so that requests with a spoofed source
 * address cannot turn the server into a reflector aimed at that address. Each source gets {@code limit}
 * answers per fixed window; past that the server stays silent. A source is a {@link ClientSource}: an IPv4
 * address or an IPv6 /64.
 *
 * <p>Memory is bounded: at most {@code maxSources} windows are kept, the least recently used evicted
 * first. Synchronized; it only runs for unauthenticated requests.
 */
public final class UnauthorizedLimiter {

    private static final class Window {
        Instant start;
        int answered;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final int limit;
    private final Duration window;
    private final InstantSource clock;
    private final LinkedHashMap<InetAddress, Window> windows;

    public UnauthorizedLimiter(int limit, Duration window, int maxSources, InstantSource clock) {
        if (limit < 1 || maxSources < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("401 limiter needs limit >= 1, maxSources >= 1 and a positive"
                    + " window, got " + limit + ", " + maxSources + ", " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Window> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** Whether a 401 may be sent to {@code source} now; counts it if so. */
    public synchronized boolean tryAcquire(InetAddress source) {
        Instant now = clock.instant();
        Window current = windows.computeIfAbsent(ClientSource.of(source), key -> new Window(now));
        if (!now.isBefore(current.start.plus(window))) {
            current.start = now;
            current.answered = 0;
        }
        if (current.answered >= limit) {
            return false;
        }
        current.answered++;
        return true;
    }

    /** Sources currently remembered. */
    public synchronized int trackedSources() {
        return windows.size();
    }
}
