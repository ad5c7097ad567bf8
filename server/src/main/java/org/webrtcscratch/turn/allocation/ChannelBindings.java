package org.webrtcscratch.turn.allocation;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The channel bindings of one allocation, indexed both ways: number to peer for ChannelData from the
 * client, peer to number for data from the peer (RFC 8656 §12). Reads are lock-free; writes happen under
 * the owning {@link Allocation}'s lock, which keeps the two maps in step.
 */
final class ChannelBindings {

    private final ConcurrentHashMap<Integer, ChannelBinding> byNumber = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, ChannelBinding> byPeer = new ConcurrentHashMap<>();

    ChannelBinding activeByNumber(int number, Instant now) {
        ChannelBinding binding = byNumber.get(number);
        return binding != null && binding.isActive(now) ? binding : null;
    }

    ChannelBinding activeByPeer(InetSocketAddress peer, Instant now) {
        ChannelBinding binding = byPeer.get(peer);
        return binding != null && binding.isActive(now) ? binding : null;
    }

    /**
     * Why {@code number} cannot be bound to {@code peer} (RFC 8656 §12.2: the number is bound to another
     * peer, or the peer to another number), or empty when it can.
     */
    Optional<String> conflict(int number, InetSocketAddress peer, Instant now) {
        ChannelBinding ofNumber = byNumber.get(number);
        if (ofNumber != null && ofNumber.isClaimed(now) && !ofNumber.peer().equals(peer)) {
            return Optional.of(String.format("channel 0x%04X is bound to %s", number, ofNumber.peer()));
        }
        ChannelBinding ofPeer = byPeer.get(peer);
        if (ofPeer != null && ofPeer.isClaimed(now) && ofPeer.number() != number) {
            return Optional.of(String.format("%s is bound to channel 0x%04X", peer, ofPeer.number()));
        }
        return Optional.empty();
    }

    /** Binds or refreshes; the caller has checked {@link #conflict}. */
    ChannelBinding bind(int number, InetSocketAddress peer, Instant now) {
        ChannelBinding binding = new ChannelBinding(number, peer, now.plus(ChannelBinding.LIFETIME));
        // A pairing replaced here has expired past its guard; drop its other half too.
        ChannelBinding previousOfNumber = byNumber.put(number, binding);
        if (previousOfNumber != null && !previousOfNumber.peer().equals(peer)) {
            byPeer.remove(previousOfNumber.peer(), previousOfNumber);
        }
        ChannelBinding previousOfPeer = byPeer.put(peer, binding);
        if (previousOfPeer != null && previousOfPeer.number() != number) {
            byNumber.remove(previousOfPeer.number(), previousOfPeer);
        }
        return binding;
    }

    void sweep(Instant now) {
        byNumber.values().removeIf(binding -> !binding.isClaimed(now));
        byPeer.values().removeIf(binding -> !binding.isClaimed(now));
    }

    Set<ChannelBinding> active(Instant now) {
        return byNumber.values().stream().filter(b -> b.isActive(now)).collect(Collectors.toUnmodifiableSet());
    }
}
