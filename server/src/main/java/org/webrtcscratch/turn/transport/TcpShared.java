package org.webrtcscratch.turn.transport;

import java.time.InstantSource;
import java.util.function.Consumer;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * What every TCP (and TLS) listener of one server and their connections share: where messages go, the limits,
 * the connection count per source and the total output budget.
 */
record TcpShared(ClientTraffic traffic, AllocationManager allocations, TcpLimits limits, SourceCounts perSource,
        OutputBudget total, TurnStats stats, InstantSource clock) {

    static TcpShared of(ClientTraffic traffic, AllocationManager allocations, TcpLimits limits, TurnStats stats,
            InstantSource clock) {
        return new TcpShared(traffic, allocations, limits, new SourceCounts(limits.connectionsPerSource()),
                new OutputBudget(limits.totalOutputBytes()), stats, clock);
    }

    TcpConnection connect(StreamIo io, FiveTuple fiveTuple, Consumer<TcpConnection> onClose) {
        return new TcpConnection(io, fiveTuple, traffic, allocations, onClose, limits, total, stats, clock);
    }
}
