package org.webrtcscratch.backstage;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.signaling.Backstage;
import org.webrtcscratch.signaling.ServerSideEvent;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.RelayedTraffic;
import org.webrtcscratch.turn.auth.TurnCredentialIssuer;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.event.TurnEventSink;
import org.webrtcscratch.turn.event.TurnEvents;

/**
 * One observing peer's view of the TURN server: subscribed to its events while open, it keeps those of the
 * allocations made with this peer's credential ({@code expiry:peerId}, see docs/protocol.md on whose events a
 * peer sees) and tells them, and on each {@link #tellUsage} what those allocations relayed, when it changed.
 * Events come on the TURN threads, usage on the ticker's; {@code out} is called under no lock of this class.
 */
final class TurnWatch implements Backstage.Watch, TurnEventSink {

    private final String peerId;
    private final Consumer<ServerSideEvent> out;
    private final TurnServer turn;
    private final InstantSource clock;
    private final Consumer<TurnWatch> onClose;
    private final Map<FiveTuple, Tracked> tracked = new ConcurrentHashMap<>();
    private TurnEvents.Subscription subscription;
    private volatile boolean closed;

    TurnWatch(String peerId, Consumer<ServerSideEvent> out, TurnServer turn, InstantSource clock,
              Consumer<TurnWatch> onClose) {
        this.peerId = peerId;
        this.out = out;
        this.turn = turn;
        this.clock = clock;
        this.onClose = onClose;
    }

    /** One allocation of this peer and the counts last told of it. */
    private static final class Tracked {
        final Allocation allocation;
        private RelayedTraffic.Counts told = RelayedTraffic.Counts.NONE;

        Tracked(Allocation allocation) {
            this.allocation = allocation;
        }

        /** The counts now if they changed since last told (and marks them told), else null. */
        synchronized RelayedTraffic.Counts changed() {
            RelayedTraffic.Counts now = allocation.traffic().counts();
            if (now.equals(told)) {
                return null;
            }
            told = now;
            return now;
        }
    }

    void start() {
        subscription = turn.events().subscribe(this);
    }

    @Override
    public boolean watching() {
        return true;
    }

    /** This peer's allocations now, which are tracked from here on (a new one comes as an event). */
    @Override
    public List<?> allocations() {
        return turn.allocations().stream().filter(a -> isMine(a.username())).map(a -> {
            Tracked entry = tracked.computeIfAbsent(a.fiveTuple(), key -> new Tracked(a));
            RelayedTraffic.Counts counts = entry.changed();
            return AllocationView.of(a, counts == null ? a.traffic().counts() : counts);
        }).toList();
    }

    @Override
    public void on(TurnEvent event) {
        if (closed || !usernameOf(event).filter(this::isMine).isPresent()) {
            return;
        }
        FiveTuple fiveTuple = event.fiveTuple();
        BigDecimal at = ServerSideEvent.millis(event.at());
        switch (event) {
            case TurnEvent.Allocated allocated -> {
                turn.allocation(fiveTuple).filter(a -> a.relayedAddress().equals(allocated.relayedAddress()))
                        .ifPresent(a -> tracked.put(fiveTuple, new Tracked(a)));
                tell(at, "allocated", fiveTuple, allocated.relayedAddress(), allocated.lifetime().toSeconds(),
                        null, null, null, null);
            }
            case TurnEvent.Refreshed refreshed ->
                    tell(at, "refreshed", fiveTuple, relayed(fiveTuple), refreshed.lifetime().toSeconds(),
                            null, null, null, null);
            case TurnEvent.PermissionCreated created ->
                    tell(at, "permission", fiveTuple, relayed(fiveTuple), null, Addresses.ip(created.peer()), null,
                            false, null);
            case TurnEvent.PermissionRefreshed renewed ->
                    tell(at, "permission", fiveTuple, relayed(fiveTuple), null, Addresses.ip(renewed.peer()), null,
                            true, null);
            case TurnEvent.ChannelBound bound ->
                    tell(at, "channel-bound", fiveTuple, relayed(fiveTuple), null, Addresses.text(bound.peer()),
                            bound.channel(), bound.renewed(), null);
            case TurnEvent.Expired expired -> ended(at, "expired", fiveTuple, null);
            case TurnEvent.Deleted deleted ->
                    ended(at, "deleted", fiveTuple, deleted.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            case TurnEvent.Refused refused -> out.accept(new TurnAllocationEvent(at, "refused", transport(fiveTuple),
                    Addresses.text(fiveTuple.client()), Addresses.text(relayed(fiveTuple)), null, null, null, null, null,
                    methodName(refused.method()), refused.code().code(), refused.reason()));
        }
    }

    /** Tells what each tracked allocation relayed, if that changed since last told. */
    void tellUsage() {
        if (closed) {
            return;
        }
        for (Tracked entry : tracked.values()) {
            tellUsage(entry);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        onClose.accept(this);
    }

    private void ended(BigDecimal at, String action, FiveTuple fiveTuple, String cause) {
        Tracked entry = tracked.remove(fiveTuple);
        if (entry != null) {
            tellUsage(entry);
        }
        tell(at, action, fiveTuple, entry == null ? null : entry.allocation.relayedAddress(), null, null, null, null,
                cause);
    }

    private void tellUsage(Tracked entry) {
        RelayedTraffic.Counts counts = entry.changed();
        if (counts != null) {
            Allocation allocation = entry.allocation;
            out.accept(new TurnUsageEvent(ServerSideEvent.millis(clock.instant()), transport(allocation.fiveTuple()),
                    Addresses.text(allocation.fiveTuple().client()), Addresses.text(allocation.relayedAddress()),
                    counts.bytesToPeer(), counts.packetsToPeer(), counts.bytesToClient(), counts.packetsToClient()));
        }
    }

    private void tell(BigDecimal at, String action, FiveTuple fiveTuple, InetSocketAddress relayed, Long lifetime,
                      String peer, Integer channel, Boolean renewed, String cause) {
        out.accept(new TurnAllocationEvent(at, action, transport(fiveTuple), Addresses.text(fiveTuple.client()),
                Addresses.text(relayed), lifetime, peer, channel, renewed, cause, null, null, null));
    }

    private InetSocketAddress relayed(FiveTuple fiveTuple) {
        Tracked entry = tracked.get(fiveTuple);
        return entry != null ? entry.allocation.relayedAddress()
                : turn.allocation(fiveTuple).map(Allocation::relayedAddress).orElse(null);
    }

    /**
     * Whether {@code username} is one our credential issuer minted for this peer: {@code expiry:peerId}, with
     * exactly this id after the colon. Its password is an HMAC of it with the server's secret, so whoever
     * authenticated with it holds a credential issued for this peer.
     */
    private boolean isMine(String username) {
        return TurnCredentialIssuer.userOf(username).filter(peerId::equals).isPresent();
    }

    private static Optional<String> usernameOf(TurnEvent event) {
        return switch (event) {
            case TurnEvent.Allocated e -> Optional.of(e.username());
            case TurnEvent.Refreshed e -> Optional.of(e.username());
            case TurnEvent.PermissionCreated e -> Optional.of(e.username());
            case TurnEvent.PermissionRefreshed e -> Optional.of(e.username());
            case TurnEvent.ChannelBound e -> Optional.of(e.username());
            case TurnEvent.Expired e -> Optional.of(e.username());
            case TurnEvent.Deleted e -> Optional.of(e.username());
            case TurnEvent.Refused e -> e.username();
        };
    }

    /** The method as RFC 8656 spells it: {@code CREATE_PERMISSION} is {@code CreatePermission}. */
    static String methodName(StunMethod method) {
        StringBuilder name = new StringBuilder();
        for (String word : method.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    static String transport(FiveTuple fiveTuple) {
        return fiveTuple.transport().name().toLowerCase(Locale.ROOT);
    }
}
