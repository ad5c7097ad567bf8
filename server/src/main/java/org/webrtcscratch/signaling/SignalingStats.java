package org.webrtcscratch.signaling;

import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the signaling service did, read by the metrics endpoint and tests. Refusals and relays come
 * as {@link SignalingEvents} like to any subscriber (relays through the allocation-free
 * {@link #relayed(String, String, String, InstantSource)}); what arrives, by type and over the rate limit, is
 * counted by the connection gate directly, as traffic rather than something the protocol did.
 */
public final class SignalingStats implements SignalingEvents {

    private final Map<String, LongAdder> receivedByType = new ConcurrentHashMap<>();
    private final Map<ErrorCode, LongAdder> refusedByCode = new EnumMap<>(ErrorCode.class);
    private final LongAdder relayed = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder serverEvents = new LongAdder();
    private final LongAdder roomsLocked = new LongAdder();
    private final LongAdder roomsUnlocked = new LongAdder();

    SignalingStats() {
        for (ErrorCode code : ErrorCode.values()) {
            refusedByCode.put(code, new LongAdder());
        }
    }

    void countReceived(String type) {
        receivedByType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    @Override
    public void on(SignalingEvent event) {
        if (event instanceof SignalingEvent.Refused refused) {
            refusedByCode.get(refused.code()).increment();
        }
    }

    @Override
    public void relayed(String room, String from, String to, InstantSource time) {
        relayed.increment();
    }

    void countRateLimited() {
        rateLimited.increment();
    }

    void countLockChange(boolean locked) {
        (locked ? roomsLocked : roomsUnlocked).increment();
    }

    /** Times a host locked ({@code true}) or unlocked its room. */
    public long lockChanges(boolean locked) {
        return (locked ? roomsLocked : roomsUnlocked).sum();
    }

    void countServerEvent() {
        serverEvents.increment();
    }

    /** {@code server-event}s sent to observing peers. */
    public long serverEventsSent() {
        return serverEvents.sum();
    }

    /** Messages of {@code type} received and decoded. */
    public long received(String type) {
        LongAdder adder = receivedByType.get(type);
        return adder == null ? 0 : adder.sum();
    }

    /** Messages refused with {@code code}. */
    public long refused(ErrorCode code) {
        return refusedByCode.get(code).sum();
    }

    /** Signals relayed to their target. */
    public long relayed() {
        return relayed.sum();
    }

    /** Messages dropped by the rate limit. */
    public long rateLimited() {
        return rateLimited.sum();
    }
}
