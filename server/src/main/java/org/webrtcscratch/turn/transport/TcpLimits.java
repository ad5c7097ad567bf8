package org.webrtcscratch.turn.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What STUN/TURN clients over TCP (and TLS) may hold.
 *
 * @param idleTimeout          a connection without an allocation that has sent nothing for this long is closed
 *                             (RFC 8656 §3.1 ends an allocation with its connection; a connection that never gets
 *                             one would otherwise hold a descriptor for ever)
 * @param connectionsPerSource connections one source (IPv4 address, IPv6 /64) may hold; past it a new one is
 *                             closed as soon as it is accepted
 * @param outputBytes          bytes queued for one client that reads too slowly; past it the client is dropped
 * @param totalOutputBytes     bytes queued for all TCP clients together; past it the client that has bytes
 *                             waiting is dropped (one that has none loses the message instead)
 */
public record TcpLimits(Duration idleTimeout, int connectionsPerSource, long outputBytes, long totalOutputBytes) {

    /** 30 s idle, 256 connections a source, 512 KiB a client (1.6 s of 2.5 Mbit/s video), 128 MiB in all. */
    public static final TcpLimits DEFAULTS = new TcpLimits(Duration.ofSeconds(30), 256, 512 * 1024,
            128 * 1024 * 1024);

    /** The largest TURN message over TCP: a STUN message or padded ChannelData of 64 KiB plus its header. */
    static final int LARGEST_MESSAGE = 65_535 + 20;

    public TcpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** What is wrong with these limits, one sentence each; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            problems.add("TCP idle timeout must be positive, got " + idleTimeout);
        }
        if (connectionsPerSource < 1) {
            problems.add("TCP connections per address must be at least 1, got " + connectionsPerSource);
        }
        if (outputBytes < LARGEST_MESSAGE || totalOutputBytes < outputBytes) {
            problems.add("TCP output budgets must hold the largest message (" + LARGEST_MESSAGE + " bytes) and the"
                    + " total at least one connection's: got " + outputBytes + " per connection, "
                    + totalOutputBytes + " in all");
        }
        return problems;
    }
}
