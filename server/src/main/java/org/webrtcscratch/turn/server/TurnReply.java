package org.webrtcscratch.turn.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.DropReason;

/**
 * What a transport does after {@link TurnHandler} has handled one message from a client. Every variant that
 * sends to the client sends back over the 5-tuple the message came on.
 */
public sealed interface TurnReply {

    /** Send {@code message}, a complete STUN response, back to the client. */
    record Respond(ByteBuffer message) implements TurnReply {
        public Respond {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * An Allocate created {@code allocation}: send {@code message} back, and from now on pass what peers send to
     * the allocation's relay port to this client (RFC 8656 §11.3, §12.5).
     */
    record Allocated(ByteBuffer message, Allocation allocation) implements TurnReply {
        public Allocated {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(allocation, "allocation");
        }
    }

    /** A Send indication passed the checks: send {@code data} from the allocation's relay port to {@code peer}. */
    record Forward(Allocation allocation, InetSocketAddress peer, ByteBuffer data) implements TurnReply {
        public Forward {
            Objects.requireNonNull(allocation, "allocation");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Nothing to send: the message was bad, unexpected or refused without an answer. */
    record Ignore(Ignored reason) implements TurnReply {
    }

    /** A Send indication the allocation state refused to relay (RFC 8656 §11.2: silently). */
    record Drop(DropReason reason) implements TurnReply {
    }
}
