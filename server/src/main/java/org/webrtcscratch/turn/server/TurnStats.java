package org.webrtcscratch.turn.server;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.allocation.DropReason;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.event.TurnEventSink;

/**
 * Counters of what the STUN/TURN server did, read by {@code metrics.TurnMetrics} and tests. Allocations and
 * error responses are counted from {@link TurnEvent}s, as one subscriber among others. Requests, ignored
 * messages and the relay path's packets, bytes and drops are bumped directly by the handler and the transports:
 * they happen per datagram, where building an event object each time would cost an allocation. Every counter is
 * a {@link LongAdder}, so the relay threads bump them without contending.
 */
public final class TurnStats implements TurnEventSink {

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
    private final Map<TcpIncident, LongAdder> tcpIncidents = adders(TcpIncident.class);
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

    /** A message from a client dropped without an answer. */
    public void countIgnored(Ignored reason) {
        ignored.get(reason).increment();
    }

    @Override
    public void on(TurnEvent event) {
        switch (event) {
            case TurnEvent.Allocated allocated -> allocationsCreated.increment();
            case TurnEvent.Refused refused -> errors.get(refused.code()).increment();
            default -> { }
        }
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

    /** Something refused or went wrong on a TCP or TLS connection (or its listener). */
    public void countTcpIncident(TcpIncident incident) {
        tcpIncidents.get(incident).increment();
    }

    public long tcpIncidents(TcpIncident incident) {
        return tcpIncidents.get(incident).sum();
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
