package org.webrtcscratch.turn.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.webrtcscratch.turn.policy.ClientSource;

/** Open TCP connections per {@link ClientSource}, shared by every listener, to cap them. Thread-safe. */
final class SourceCounts {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    SourceCounts(int max) {
        this.max = max;
    }

    /** Counts one more connection from {@code client}'s source, unless it holds {@code max} already. */
    boolean tryAdd(InetAddress client) {
        boolean[] added = {false};
        counts.compute(ClientSource.of(client), (source, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            added[0] = true;
            return now + 1;
        });
        return added[0];
    }

    void remove(InetAddress client) {
        counts.computeIfPresent(ClientSource.of(client), (source, count) -> count > 1 ? count - 1 : null);
    }
}
