package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * Leave for traffic between the allocation and one peer IP address, any port (RFC 8656 §9). Installed
 * or refreshed by CreatePermission (§10) and ChannelBind (§12).
 */
public record Permission(InetAddress peer, Instant expiresAt) {

    /** RFC 8656 §9: "The Permission Lifetime MUST be 300 seconds (= 5 minutes)." */
    public static final Duration LIFETIME = Duration.ofSeconds(300);

    public boolean isActive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
