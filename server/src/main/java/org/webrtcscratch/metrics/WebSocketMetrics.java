package org.webrtcscratch.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.webrtcscratch.websocket.SendBudget;

/** The bytes waiting to be sent to WebSockets, against their budget, and the slow readers dropped for it. */
public final class WebSocketMetrics {

    private WebSocketMetrics() {
    }

    public static void bind(SendBudget budget, MeterRegistry registry) {
        Gauge.builder("scratch.websocket.queued.bytes", budget, SendBudget::queuedBytes)
                .description("bytes waiting to be sent to slow WebSocket readers, over every connection")
                .register(registry);
        Gauge.builder("scratch.websocket.queued.bytes.max", budget, SendBudget::queuedBytesHighWater)
                .description("the most bytes ever waiting to be sent at once").register(registry);
        Gauge.builder("scratch.websocket.queued.bytes.budget", budget, SendBudget::total)
                .description("the most bytes allowed to wait to be sent, over every connection (--max-queued-bytes)")
                .register(registry);
        FunctionCounter.builder("scratch.websocket.dropped", budget, SendBudget::droppedTooSlow)
                .tag("reason", "slow").description("WebSockets dropped for reading too slowly").register(registry);
        FunctionCounter.builder("scratch.websocket.dropped", budget, SendBudget::droppedOverBudget)
                .tag("reason", "budget").description("WebSockets dropped for reading too slowly while their address, or"
                        + " every connection together, had the most bytes waiting allowed").register(registry);
    }
}
