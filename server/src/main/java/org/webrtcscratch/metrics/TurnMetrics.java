package org.webrtcscratch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.allocation.DropReason;
import org.webrtcscratch.turn.auth.GuessThrottle;
import org.webrtcscratch.turn.server.Ignored;
import org.webrtcscratch.turn.server.TcpIncident;
import org.webrtcscratch.turn.server.TurnStats;

/** STUN/TURN gauges and counters, read from the server when scraped (nothing is counted twice). */
public final class TurnMetrics {

    private TurnMetrics() {
    }

    public static void bind(TurnServer server, MeterRegistry registry) {
        Gauge.builder("scratch.turn.allocations", server, TurnServer::allocationCount)
                .description("live TURN allocations").register(registry);
        TurnStats stats = server.stats();
        // Not "allocations.created": Prometheus reserves the _created suffix, and it would clash with the gauge.
        FunctionCounter.builder("scratch.turn.allocated", stats, TurnStats::allocationsCreated)
                .description("TURN allocations created").register(registry);
        for (StunMethod method : StunMethod.values()) {
            FunctionCounter.builder("scratch.turn.requests", stats, s -> s.requests(method))
                    .tag("method", tag(method))
                    .description("STUN/TURN requests received, by method").register(registry);
        }
        for (StunErrorCode code : StunErrorCode.values()) {
            FunctionCounter.builder("scratch.turn.errors", stats, s -> s.errors(code))
                    .tag("code", Integer.toString(code.code()))
                    .description("STUN/TURN error responses sent, by code").register(registry);
        }
        for (Ignored reason : Ignored.values()) {
            FunctionCounter.builder("scratch.turn.ignored", stats, s -> s.ignored(reason))
                    .tag("reason", tag(reason))
                    .description("client messages dropped without an answer, by reason").register(registry);
        }
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("scratch.turn.relay.dropped", stats, s -> s.drops(reason))
                    .tag("reason", tag(reason))
                    .description("datagrams the relay discarded, by reason").register(registry);
        }
        for (TcpIncident incident : TcpIncident.values()) {
            FunctionCounter.builder("scratch.turn.tcp.incidents", stats, s -> s.tcpIncidents(incident))
                    .tag("reason", tag(incident))
                    .description("TURN TCP/TLS connections refused or dropped, and failed accepts, by reason")
                    .register(registry);
        }
        for (GuessThrottle.Scope scope : GuessThrottle.Scope.values()) {
            FunctionCounter.builder("scratch.turn.auth.lockouts", server.guesses(), g -> g.lockouts(scope))
                    .tag("scope", tag(scope))
                    .description("lockouts for wrong TURN credentials, by what was locked").register(registry);
            FunctionCounter.builder("scratch.turn.auth.locked", server.guesses(), g -> g.refusals(scope))
                    .tag("scope", tag(scope))
                    .description("TURN requests refused (401) while their source or username was locked out")
                    .register(registry);
        }
        FunctionCounter.builder("scratch.turn.auth.too.long.lived", server, TurnServer::credentialsTooLongLived)
                .description("TURN REST credentials refused (401) for an expiry beyond the maximum credential lifetime")
                .register(registry);
        for (TurnStats.Direction direction : TurnStats.Direction.values()) {
            FunctionCounter.builder("scratch.turn.relayed.packets", stats, s -> s.relayedPackets(direction))
                    .tag("direction", tag(direction))
                    .description("datagrams relayed").register(registry);
            FunctionCounter.builder("scratch.turn.relayed.bytes", stats, s -> s.relayedBytes(direction))
                    .tag("direction", tag(direction)).baseUnit("bytes")
                    .description("application bytes relayed").register(registry);
        }
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
