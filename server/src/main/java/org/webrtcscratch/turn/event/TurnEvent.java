package org.webrtcscratch.turn.event;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.StunMethod;

/**
 * What the TURN server did, as it happened: one record per kind, each with the time (from the server's injected
 * clock), the client's 5-tuple and the USERNAME. Counting, logging and showing them is the subscribers' business
 * ({@link TurnEventSink}). Relayed datagrams are not events: the relay path counts them without building an
 * object per packet.
 */
public sealed interface TurnEvent {

    Instant at();

    FiveTuple fiveTuple();

    /** RFC 8656 §7.2: an Allocate created an allocation (not sent again for a retransmission). */
    record Allocated(Instant at, FiveTuple fiveTuple, String username, InetSocketAddress relayedAddress,
            Duration lifetime) implements TurnEvent {
    }

    /** RFC 8656 §8.2: a Refresh set a new, non-zero lifetime. */
    record Refreshed(Instant at, FiveTuple fiveTuple, String username, Duration lifetime) implements TurnEvent {
    }

    /** RFC 8656 §9, §10.2: a permission for a peer IP that had none in force (CreatePermission or ChannelBind). */
    record PermissionCreated(Instant at, FiveTuple fiveTuple, String username, InetAddress peer)
            implements TurnEvent {
    }

    /** RFC 8656 §9, §10.2: a permission in force got its lifetime renewed. */
    record PermissionRefreshed(Instant at, FiveTuple fiveTuple, String username, InetAddress peer)
            implements TurnEvent {
    }

    /**
     * RFC 8656 §12.2: a ChannelBind bound {@code channel} to {@code peer}; {@code renewed} when that very binding
     * was in force already and only got a new lifetime.
     */
    record ChannelBound(Instant at, FiveTuple fiveTuple, String username, int channel, InetSocketAddress peer,
            boolean renewed) implements TurnEvent {
    }

    /** RFC 8656 §7: the allocation's lifetime ran out without a Refresh. */
    record Expired(Instant at, FiveTuple fiveTuple, String username) implements TurnEvent {
    }

    /** The allocation ended before its time, for {@code cause}. */
    record Deleted(Instant at, FiveTuple fiveTuple, String username, DeleteCause cause) implements TurnEvent {
    }

    /** Why an allocation was deleted. */
    enum DeleteCause {
        /** RFC 8656 §8.2: a Refresh with LIFETIME 0. */
        REFRESH,
        /** RFC 8656 §3.1: the TCP connection it was made over closed. */
        CONNECTION_CLOSED,
        /** The server stopped. */
        SERVER_CLOSED
    }

    /**
     * A request answered with an error response: {@code code} as in its ERROR-CODE and {@code reason} as the
     * server explained it. {@code username} is empty when the request did not authenticate (or did not need to).
     */
    record Refused(Instant at, FiveTuple fiveTuple, Optional<String> username, StunMethod method,
            StunErrorCode code, String reason) implements TurnEvent {

        public Refused {
            Objects.requireNonNull(username, "username");
        }
    }
}
