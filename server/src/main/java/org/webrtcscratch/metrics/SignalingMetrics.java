package org.webrtcscratch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.webrtcscratch.signaling.ErrorCode;
import org.webrtcscratch.signaling.HeldBacklog;
import org.webrtcscratch.signaling.ProtocolTable;
import org.webrtcscratch.signaling.SignalingService;
import org.webrtcscratch.signaling.SignalingStats;

/** Signaling gauges and counters, read from the service when scraped (nothing is counted twice). */
public final class SignalingMetrics {

    private SignalingMetrics() {
    }

    public static void bind(SignalingService service, MeterRegistry registry) {
        Gauge.builder("scratch.signaling.connections", service, SignalingService::connectionCount)
                .description("open signaling WebSocket connections").register(registry);
        Gauge.builder("scratch.signaling.rooms", service, SignalingService::roomCount)
                .description("rooms with at least one peer").register(registry);
        Gauge.builder("scratch.signaling.peers", service, SignalingService::peerCount)
                .description("peers in rooms, including those within their resume window").register(registry);
        Gauge.builder("scratch.signaling.observers", service, SignalingService::observerCount)
                .description("connections observing the server (Behind the Scenes)").register(registry);
        FunctionCounter.builder("scratch.signaling.address.joins.limited", service,
                        SignalingService::addressJoinsLimited)
                .description("joins refused because their address was over its joins a minute").register(registry);
        FunctionCounter.builder("scratch.signaling.address.lookups.limited", service,
                        SignalingService::addressLookupsLimited)
                .description("GET /api/rooms/{room} refused because the address was over its lookups a minute")
                .register(registry);
        FunctionCounter.builder("scratch.signaling.room.password.wrong", service, SignalingService::wrongPasswords)
                .description("joins with a wrong room password").register(registry);
        FunctionCounter.builder("scratch.signaling.room.password.attempts.limited", service,
                        SignalingService::passwordAttemptsLimited)
                .description("password joins refused because their address was over its attempts a minute")
                .register(registry);
        SignalingStats stats = service.stats();
        for (boolean locked : new boolean[] {true, false}) {
            FunctionCounter.builder("scratch.signaling.room.lock.changes", stats, s -> s.lockChanges(locked))
                    .tag("locked", String.valueOf(locked)).description("rooms locked or unlocked by their host")
                    .register(registry);
        }
        FunctionCounter.builder("scratch.signaling.server.events", stats, SignalingStats::serverEventsSent)
                .description("server-event messages sent to observing peers").register(registry);
        FunctionCounter.builder("scratch.signaling.relayed", stats, SignalingStats::relayed)
                .description("signals relayed to their target").register(registry);
        FunctionCounter.builder("scratch.signaling.rate.limited", stats, SignalingStats::rateLimited)
                .description("messages dropped by the rate limit").register(registry);
        Gauge.builder("scratch.signaling.held.bytes", service.held(), HeldBacklog::bytes).baseUnit("bytes")
                .description("bytes held for peers away within their resume window, or still going out to them"
                        + " after a resume (counted in scratch_websocket_queued_bytes too)").register(registry);
        FunctionCounter.builder("scratch.signaling.held.dropped", service.held(), HeldBacklog::dropped)
                .description("messages for away peers not held, or let go, for lack of room").register(registry);
        for (String type : ProtocolTable.clientMessageTypes()) {
            FunctionCounter.builder("scratch.signaling.received", stats, s -> s.received(type))
                    .tag("type", type).description("client messages received, by type").register(registry);
        }
        for (ErrorCode code : ErrorCode.values()) {
            FunctionCounter.builder("scratch.signaling.refused", stats, s -> s.refused(code))
                    .tag("code", code.wire()).description("client messages refused, by error code").register(registry);
        }
    }
}
