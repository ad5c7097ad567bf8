package org.webrtcscratch.stun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * A STUN message, RFC 8489 §5: a type, a transaction ID and attributes in wire order.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                     Transaction ID (96 bits)                  |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Decoded messages hold the attributes a receiver must consider: those after MESSAGE-INTEGRITY (other than
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT) and after FINGERPRINT are dropped, RFC 8489 §14.
 */
public record StunMessage(MessageType type, TransactionId transactionId, List<Attribute> attributes) {

    public StunMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transactionId, "transactionId");
        attributes = List.copyOf(attributes);
    }

    public static StunMessage of(MessageType type, TransactionId transactionId, Attribute... attributes) {
        return new StunMessage(type, transactionId, List.of(attributes));
    }

    /** The first attribute of this kind: RFC 8489 §14 has receivers process only the first occurrence. */
    public <T extends Attribute> Optional<T> attribute(Class<T> kind) {
        for (Attribute attribute : attributes) {
            if (kind.isInstance(attribute)) {
                return Optional.of(kind.cast(attribute));
            }
        }
        return Optional.empty();
    }

    /** Every attribute of this kind, in order (several XOR-PEER-ADDRESS in a CreatePermission, for one). */
    public <T extends Attribute> List<T> attributes(Class<T> kind) {
        List<T> found = new ArrayList<>();
        for (Attribute attribute : attributes) {
            if (kind.isInstance(attribute)) {
                found.add(kind.cast(attribute));
            }
        }
        return Collections.unmodifiableList(found);
    }

    public boolean has(Class<? extends Attribute> kind) {
        return attribute(kind).isPresent();
    }

    /**
     * Types of the comprehension-required attributes the decoder did not know, without repeats: a server
     * answers a request that has any with 420 (Unknown Attribute) listing them, RFC 8489 §6.3.1. Asked of
     * every request, so it builds nothing when there are none (loops, not streams).
     */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> unknown = List.of();
        for (Attribute attribute : attributes) {
            if (attribute instanceof RawAttribute raw && raw.isComprehensionRequired()
                    && !unknown.contains(raw.type())) {
                if (unknown.isEmpty()) {
                    unknown = new ArrayList<>();
                }
                unknown.add(raw.type());
            }
        }
        return List.copyOf(unknown);
    }
}
