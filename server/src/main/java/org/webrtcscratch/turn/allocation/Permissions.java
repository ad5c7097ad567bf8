package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The permissions of one allocation, keyed by peer IP with the port ignored (RFC 8656 §9). Reads are
 * lock-free; writes happen under the owning {@link Allocation}'s lock.
 */
final class Permissions {

    private final ConcurrentHashMap<InetAddress, Permission> byPeer = new ConcurrentHashMap<>();

    boolean allows(InetAddress peer, Instant now) {
        Permission permission = byPeer.get(peer);
        return permission != null && permission.isActive(now);
    }

    /** Those of {@code peers} (distinct) that have no active permission yet. */
    List<InetAddress> missing(Collection<InetAddress> peers, Instant now) {
        return peers.stream().distinct().filter(peer -> !allows(peer, now)).toList();
    }

    /** Active permissions, after dropping expired ones. */
    int activeCount(Instant now) {
        sweep(now);
        return byPeer.size();
    }

    void installOrRefresh(Collection<InetAddress> peers, Instant now) {
        Instant expiresAt = now.plus(Permission.LIFETIME);
        for (InetAddress peer : peers) {
            byPeer.put(peer, new Permission(peer, expiresAt));
        }
    }

    void sweep(Instant now) {
        byPeer.values().removeIf(permission -> !permission.isActive(now));
    }

    Set<Permission> active(Instant now) {
        return byPeer.values().stream().filter(p -> p.isActive(now)).collect(Collectors.toUnmodifiableSet());
    }
}
