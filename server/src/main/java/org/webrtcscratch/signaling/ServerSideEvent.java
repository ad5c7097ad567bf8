package org.webrtcscratch.signaling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One thing the server saw of a peer that asked to observe it ({@code observe}), sent to that peer alone as a
 * {@code server-event} (docs/protocol.md, "Behind the Scenes: the server's side"). An implementation is a record
 * written as JSON by its components, after {@code at} and {@code kind}; null components are left out. Times are
 * epoch milliseconds with the microseconds as decimals ({@link #millis}), so that a relay's microseconds show.
 * Signaling makes {@link Snapshot} and {@link Relayed}; a {@link Backstage} adds its own kinds.
 */
@JsonPropertyOrder({"at", "kind"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface ServerSideEvent {

    /** When the server saw it, in epoch milliseconds. */
    @JsonProperty("at")
    BigDecimal at();

    /** What it is, the {@code kind} field on the wire. */
    @JsonProperty("kind")
    String kind();

    /** {@code instant} in epoch milliseconds to the microsecond, written plainly (never as 1.7E12). */
    static BigDecimal millis(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000, 3);
    }

    /**
     * The first event once observing starts: who this peer is to the server and what the {@link Backstage}
     * holds for it now ({@code turn}: whether this server's own TURN server is watched at all).
     */
    record Snapshot(BigDecimal at, String peerId, String room, String name, boolean turn, List<?> allocations)
            implements ServerSideEvent {
        @Override
        public String kind() {
            return "snapshot";
        }
    }

    /**
     * A signal from or to the observing peer: what it carried ({@code signal}: the description's type, or
     * {@code candidate}, or {@code end-of-candidates}), the size of the frame relayed (UTF-8 bytes), when the
     * server received it and when it handed it on, and whether it was {@code sent} or {@code held} for a
     * receiver that is away.
     */
    record Relayed(BigDecimal at, String from, String to, String signal, int size, BigDecimal receivedAt,
                   BigDecimal sentAt, String outcome) implements ServerSideEvent {
        @Override
        public String kind() {
            return "relayed";
        }
    }
}
