package org.webrtcscratch.turn.allocation;

/**
 * An inclusive range of UDP ports to take relayed transport addresses from (RFC 8656 §7.2: the server
 * picks the relayed address, ideally at random, RFC 6056).
 */
public record PortRange(int min, int max) {

    public PortRange {
        if (min < 1 || max > 65535 || min > max) {
            throw new IllegalArgumentException(
                    "port range " + min + "-" + max + " must lie within 1-65535, min <= max");
        }
    }

    public int size() {
        return max - min + 1;
    }

    public boolean contains(int port) {
        return port >= min && port <= max;
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
