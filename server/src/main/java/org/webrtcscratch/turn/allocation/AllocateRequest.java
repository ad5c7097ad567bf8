package org.webrtcscratch.turn.allocation;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.turn.proto.AdditionalAddressFamily;
import org.webrtcscratch.turn.proto.EvenPort;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedAddressFamily;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.ReservationToken;

/**
 * An authenticated Allocate request, decoded (RFC 8656 §7.2). {@link #parse} holds every rule about the
 * request's attributes, so that {@link AllocationManager#allocate} decides on state alone (the 5-tuple's
 * allocation, reservations, relay addresses, quotas). DONT-FRAGMENT is not checked here: the handler treats it
 * as an unknown comprehension-required attribute (420), as it does for every method.
 *
 * @param fiveTuple         where the request came from and to
 * @param username          the USERNAME it authenticated with
 * @param transactionId     its 96-bit transaction ID, to recognise a retransmission (RFC 8489 §6.3.4)
 * @param requestedFamily   REQUESTED-ADDRESS-FAMILY if present; IPv4 when absent
 * @param requestedLifetime LIFETIME if present
 * @param port              EVEN-PORT or RESERVATION-TOKEN, or neither
 */
public record AllocateRequest(FiveTuple fiveTuple, String username, byte[] transactionId,
        Optional<AddressFamily> requestedFamily, Optional<Duration> requestedLifetime, PortRequest port) {

    /** RFC 8489 §5: the transaction ID is 96 bits. */
    public static final int TRANSACTION_ID_LENGTH = 12;

    public AllocateRequest {
        Objects.requireNonNull(fiveTuple, "fiveTuple");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(requestedFamily, "requestedFamily");
        Objects.requireNonNull(requestedLifetime, "requestedLifetime");
        Objects.requireNonNull(port, "port");
        if (transactionId.length != TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("transaction ID must be " + TRANSACTION_ID_LENGTH + " bytes, got "
                    + transactionId.length);
        }
        transactionId = transactionId.clone();
    }

    /**
     * The attribute rules of RFC 8656 §7.2, in the order the checks run: REQUESTED-TRANSPORT present (400) and
     * UDP (442); EVEN-PORT and RESERVATION-TOKEN not both (400), nor RESERVATION-TOKEN with
     * REQUESTED-ADDRESS-FAMILY (400); ADDITIONAL-ADDRESS-FAMILY only alone and only for IPv6 (400); a
     * REQUESTED-ADDRESS-FAMILY of a family RFC 8656 does not define is 440.
     */
    public static ParsedAllocate parse(StunMessage message, FiveTuple fiveTuple, String username) {
        Optional<RequestedTransport> transport = message.attribute(RequestedTransport.class);
        if (transport.isEmpty()) {
            return new Rejection(StunErrorCode.BAD_REQUEST, "Allocate needs REQUESTED-TRANSPORT");
        }
        if (transport.get().protocol() != RequestedTransport.PROTOCOL_UDP) {
            return new Rejection(StunErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL,
                    "only UDP (17) is relayed, not protocol " + transport.get().protocol());
        }
        Optional<RequestedAddressFamily> requested = message.attribute(RequestedAddressFamily.class);
        Optional<AdditionalAddressFamily> additional = message.attribute(AdditionalAddressFamily.class);
        Optional<EvenPort> evenPort = message.attribute(EvenPort.class);
        Optional<ReservationToken> token = message.attribute(ReservationToken.class);
        if (evenPort.isPresent() && token.isPresent()) {
            return new Rejection(StunErrorCode.BAD_REQUEST, "EVEN-PORT and RESERVATION-TOKEN cannot be combined");
        }
        if (additional.isPresent()) {
            if (requested.isPresent()) {
                return new Rejection(StunErrorCode.BAD_REQUEST,
                        "REQUESTED-ADDRESS-FAMILY and ADDITIONAL-ADDRESS-FAMILY cannot be combined");
            }
            if (additional.get().family().filter(f -> f == AddressFamily.IPV6).isEmpty()) {
                return new Rejection(StunErrorCode.BAD_REQUEST, "ADDITIONAL-ADDRESS-FAMILY may only ask for IPv6");
            }
        }
        Optional<Rejection> unknownFamily = unknownFamily(requested);
        if (unknownFamily.isPresent()) {
            return unknownFamily.get();
        }
        if (token.isPresent() && requested.isPresent()) {
            return new Rejection(StunErrorCode.BAD_REQUEST,
                    "RESERVATION-TOKEN and REQUESTED-ADDRESS-FAMILY cannot be combined");
        }
        PortRequest port = token.<PortRequest>map(t -> new PortRequest.ReservedPort(t.token()))
                .or(() -> evenPort.map(e -> new PortRequest.EvenPort(e.reserveNextPort())))
                .orElse(PortRequest.ANY);
        AllocateRequest request = new AllocateRequest(fiveTuple, username, message.transactionId().toBytes(),
                requested.flatMap(RequestedAddressFamily::family),
                message.attribute(Lifetime.class).map(Lifetime::duration), port);
        return new ParsedAllocate.Valid(request, additional.isPresent());
    }

    /**
     * RFC 8656 §7.2 and §8.2: a REQUESTED-ADDRESS-FAMILY naming no family RFC 8656 defines is answered 440;
     * Refresh follows the same rule.
     */
    public static Optional<Rejection> unknownFamily(Optional<RequestedAddressFamily> requested) {
        return requested.filter(attribute -> attribute.family().isEmpty())
                .map(attribute -> new Rejection(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED,
                        "unknown address family 0x%02x".formatted(attribute.familyCode())));
    }

    /** A plain Allocate: any port, IPv4, default lifetime. */
    public static AllocateRequest of(FiveTuple fiveTuple, String username, byte[] transactionId) {
        return new AllocateRequest(fiveTuple, username, transactionId, Optional.empty(), Optional.empty(),
                PortRequest.ANY);
    }

    @Override
    public byte[] transactionId() {
        return transactionId.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllocateRequest that && fiveTuple.equals(that.fiveTuple)
                && username.equals(that.username) && Arrays.equals(transactionId, that.transactionId)
                && requestedFamily.equals(that.requestedFamily) && requestedLifetime.equals(that.requestedLifetime)
                && port.equals(that.port);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fiveTuple, username, Arrays.hashCode(transactionId), requestedFamily,
                requestedLifetime, port);
    }

    @Override
    public String toString() {
        return "Allocate " + HexFormat.of().formatHex(transactionId) + " from " + username + " on " + fiveTuple
                + requestedFamily.map(f -> " family " + f).orElse("")
                + requestedLifetime.map(l -> " lifetime " + l.toSeconds() + "s").orElse("") + " " + port;
    }
}
