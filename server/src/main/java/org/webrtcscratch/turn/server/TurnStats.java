package org.webrtcscratch.turn.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.allocation.DropReason;

/**
 * Counters of what the STUN/TURN server did, kept by the handler and the transports and read by
 * {@code metrics.TurnMetrics} and tests. Every counter is a {@link LongAdder}: the relay threads bump them
 * per packet without contending.
 */
public final class TurnStats {

    /** Which way relayed data went. */
    public enum Direction {
        /** From a client, out of a relay port (Send indications and ChannelData, RFC 8656 §11.2, §12.6). */
        TO_PEER,
        /** From a peer, to the client as a Data indication or ChannelData (RFC 8656 §11.3, §12.5). */
        TO_CLIENT
    }

    private final Map<StunMethod, LongAdder> requests = adders(StunMethod.class);
    private final Map<StunErrorCode, LongAdder> errors = adders(StunErrorCode.class);
    private final Map<Ignored, LongAdder> ignored = adders(Ignored.class);
    private final Map<DropReason, LongAdder> drops = adders(DropReason.class);
    private final Map<Direction, LongAdder> packets = adders(Direction.class);
    private final Map<Direction, LongAdder> bytes = adders(Direction.class);
    private final LongAdder allocationsCreated = new LongAdder();

    private static <K extends Enum<K>> Map<K, LongAdder> adders(Class<K> keys) {
        Map<K, LongAdder> map = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            map.put(key, new LongAdder());
        }
        return map;
    }

    void countRequest(StunMethod method) {
        requests.get(method).increment();
    }

    void countError(StunErrorCode code) {
        errors.get(code).increment();
    }

    /** A message from a client dropped without an answer. */
    public void countIgnored(Ignored reason) {
        ignored.get(reason).increment();
    }

    void countAllocationCreated() {
        allocationsCreated.increment();
    }

    /** A datagram the relay path discarded, in either direction. */
    public void countDrop(DropReason reason) {
        drops.get(reason).increment();
    }

    /** Application data relayed: one datagram of {@code length} bytes (payload, without TURN framing). */
    public void countRelayed(Direction direction, int length) {
        packets.get(direction).increment();
        bytes.get(direction).add(length);
    }

    /** Requests received, by method, whatever their answer. */
    public long requests(StunMethod method) {
        return requests.get(method).sum();
    }

    /** Error responses sent, by code. */
    public long errors(StunErrorCode code) {
        return errors.get(code).sum();
    }

    public long ignored(Ignored reason) {
        return ignored.get(reason).sum();
    }

    public long drops(DropReason reason) {
        return drops.get(reason).sum();
    }

    public long relayedPackets(Direction direction) {
        return packets.get(direction).sum();
    }

    public long relayedBytes(Direction direction) {
        return bytes.get(direction).sum();
    }

    public long allocationsCreated() {
        return allocationsCreated.sum();
    }
}
