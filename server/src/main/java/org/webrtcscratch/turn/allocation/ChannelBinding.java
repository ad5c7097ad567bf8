package org.webrtcscratch.turn.allocation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * A channel number bound to a peer transport address, so data can travel in 4-byte-header ChannelData
 * messages instead of Send/Data indications (RFC 8656 §12). Within an allocation a binding is unique both
 * by number and by peer address.
 */
public record ChannelBinding(int number, InetSocketAddress peer, Instant expiresAt) {

    /** RFC 8656 §12: "A channel binding lasts for 10 minutes unless refreshed." */
    public static final Duration LIFETIME = Duration.ofSeconds(600);
    /**
     * RFC 8656 §12 tells the client to wait 5 minutes after a binding expires before binding its number or
     * peer differently, so that late ChannelData for the old peer cannot reach a new one. The server holds
     * the expired pair that long too and answers a different pairing with 400.
     */
    public static final Duration REBIND_GUARD = Duration.ofSeconds(300);

    /** Whether data may flow on this binding. */
    public boolean isActive(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Whether the number and peer stay reserved for each other (active, or expired within the guard). */
    public boolean isClaimed(Instant now) {
        return now.isBefore(expiresAt.plus(REBIND_GUARD));
    }

    @Override
    public String toString() {
        return String.format("channel 0x%04X <-> %s until %s", number, peer, expiresAt);
    }
}
