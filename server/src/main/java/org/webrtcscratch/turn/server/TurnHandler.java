package org.webrtcscratch.turn.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.net.LogThrottle;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.attr.UnknownAttributes;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.allocation.AllocateOutcome;
import org.webrtcscratch.turn.allocation.AllocateRequest;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.allocation.ChannelBindOutcome;
import org.webrtcscratch.turn.allocation.ClientToPeer;
import org.webrtcscratch.turn.allocation.CreatePermissionOutcome;
import org.webrtcscratch.turn.allocation.DropReason;
import org.webrtcscratch.turn.allocation.Dropped;
import org.webrtcscratch.turn.allocation.ParsedAllocate;
import org.webrtcscratch.turn.allocation.RefreshOutcome;
import org.webrtcscratch.turn.allocation.Rejection;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.event.TurnEventSink;
import org.webrtcscratch.turn.proto.AddressErrorCode;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.DontFragment;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedAddressFamily;
import org.webrtcscratch.turn.proto.ReservationToken;
import org.webrtcscratch.turn.proto.TurnCodec;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/**
 * The STUN/TURN server's protocol logic, without sockets: one STUN message from a client and the 5-tuple it
 * came on in, a {@link TurnReply} out. Dispatch is one switch on class and method; each method has its own
 * handler below. Binding (RFC 8489 §3) is open to everyone; the TURN methods (RFC 8656 §7-§12) first pass the
 * long-term credential mechanism ({@link Authenticator}), then the allocation state decides
 * ({@link AllocationManager}), and its {@link Rejection}s become error responses as they are.
 *
 * <p>ChannelData is not handled here: the transports relay it straight through
 * {@link Allocation#routeChannelData}, without decoding a STUN message per packet.
 *
 * <p>Never throws: input that is not STUN is dropped, a request whose header could be read but whose body
 * could not gets a 400, and a bug gets a 500 and a log line (at most one every 10 s). Thread-safe; time comes from the injected clocks
 * (the allocation manager's, the authenticator's, and the one stamping {@link TurnEvent.Refused}).
 */
public final class TurnHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TurnHandler.class);
    /** How decode errors name the FINGERPRINT attribute. */
    private static final String FINGERPRINT = AttributeType.describe(AttributeType.FINGERPRINT.code());

    private final AllocationManager allocations;
    private final Authenticator authenticator;
    private final Responses responses;
    private final TurnStats stats;
    private final TurnEventSink events;
    private final InstantSource clock;
    /** A bug that some input triggers must not let a flood of that input fill the log. */
    private final LogThrottle internalErrors = new LogThrottle(Duration.ofSeconds(10));

    /**
     * @param software the SOFTWARE attribute for every response; empty sends none (it tells attackers what runs)
     * @param stats    the per-message counters (requests, ignored messages, drops), bumped without an event object
     * @param events   told of every error response ({@link TurnEvent.Refused}); the allocation state tells the rest
     * @param clock    the time of those events
     */
    public TurnHandler(AllocationManager allocations, Authenticator authenticator, Optional<String> software,
            TurnStats stats, TurnEventSink events, InstantSource clock) {
        this.allocations = Objects.requireNonNull(allocations, "allocations");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.responses = new Responses(software);
    }

    /** Handles the STUN message in the buffer's remaining bytes (the buffer is left as it was). */
    public TurnReply handle(ByteBuffer packet, FiveTuple from) {
        DecodedMessage decoded;
        try {
            decoded = TurnCodec.DECODER.decode(packet);
        } catch (StunDecodeException e) {
            return malformed(packet, e, from);
        } catch (RuntimeException e) {
            return internalError(Optional.empty(), from, e);
        }
        try {
            return dispatch(decoded, from);
        } catch (RuntimeException e) {
            return internalError(Optional.of(decoded), from, e);
        }
    }

    private TurnReply dispatch(DecodedMessage decoded, FiveTuple from) {
        StunMessage message = decoded.message();
        return switch (message.type().messageClass()) {
            case REQUEST -> {
                stats.countRequest(message.type().method());
                yield request(Exchange.of(decoded, from));
            }
            case INDICATION -> switch (message.type().method()) {
                case SEND -> send(message, from);
                default -> ignore(Ignored.UNEXPECTED);
            };
            case SUCCESS_RESPONSE, ERROR_RESPONSE -> ignore(Ignored.UNEXPECTED);
        };
    }

    private TurnReply request(Exchange exchange) {
        return switch (exchange.message().type().method()) {
            case BINDING -> binding(exchange);
            case ALLOCATE -> authenticated(exchange, this::allocate);
            case REFRESH -> authenticated(exchange, this::refresh);
            case CREATE_PERMISSION -> authenticated(exchange, this::createPermission);
            case CHANNEL_BIND -> authenticated(exchange, this::channelBind);
            case SEND, DATA -> error(exchange, StunErrorCode.BAD_REQUEST,
                    exchange.message().type().method() + " is an indication, never a request");
        };
    }

    /** RFC 8489 §3, §6.3.1: anyone may ask for their reflexive address. */
    private TurnReply binding(Exchange exchange) {
        List<Integer> unknown = exchange.message().unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            return unknownAttributes(exchange, unknown);
        }
        return respond(responses.success(exchange, List.of(new XorMappedAddress(exchange.from().client()))));
    }

    /**
     * Runs {@code method} once the request has authenticated (RFC 8489 §9.2.4) and carries nothing
     * comprehension-required this server does not understand (§6.3.1, checked after authentication so that
     * the 420 is signed).
     */
    private TurnReply authenticated(Exchange exchange, Function<Exchange, TurnReply> method) {
        // An Allocate makes an allocation, so only a credential good now may; the other methods act on one.
        Optional<String> allocationUser = exchange.message().type().method() == StunMethod.ALLOCATE
                ? Optional.empty() : allocations.find(exchange.from()).map(Allocation::username);
        return switch (authenticator.check(exchange.request(), exchange.from().client().getAddress(),
                allocationUser)) {
            case Authenticator.Passed passed -> {
                Exchange signed = exchange.authenticatedAs(passed.credentials());
                List<Integer> unknown = unsupported(signed.message());
                yield unknown.isEmpty() ? method.apply(signed) : unknownAttributes(signed, unknown);
            }
            case Authenticator.Refused refused ->
                    error(exchange, refused.code(), refused.reason(), refused.attributes());
            case Authenticator.Silenced silenced -> ignore(Ignored.UNAUTHENTICATED_OVER_LIMIT);
        };
    }

    /**
     * Unknown comprehension-required attributes, plus DONT-FRAGMENT in an Allocate: this server cannot set DF
     * on relayed datagrams, and RFC 8656 §7.2 has it treat the attribute as unknown then.
     */
    private static List<Integer> unsupported(StunMessage message) {
        List<Integer> unknown = new ArrayList<>(message.unknownComprehensionRequired());
        if (message.type().method() == StunMethod.ALLOCATE
                && message.has(DontFragment.class)) {
            unknown.add(AttributeType.DONT_FRAGMENT.code());
        }
        return unknown;
    }

    /** RFC 8656 §7.2: the request's attributes are checked in {@link AllocateRequest#parse}, then the state. */
    private TurnReply allocate(Exchange exchange) {
        return switch (AllocateRequest.parse(exchange.message(), exchange.from(), exchange.username())) {
            case ParsedAllocate.Valid valid -> switch (allocations.allocate(valid.request())) {
                case AllocateOutcome.Allocated allocated -> allocated(exchange, allocated, valid.ipv6Declined());
                case Rejection rejection -> refuse(exchange, rejection);
            };
            case Rejection rejection -> refuse(exchange, rejection);
        };
    }

    /** RFC 8656 §7.3: the success response; a retransmitted Allocate gets the same one again. */
    private TurnReply allocated(Exchange exchange, AllocateOutcome.Allocated outcome, boolean ipv6Declined) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new XorRelayedAddress(outcome.allocation().relayedAddress()));
        if (ipv6Declined) {
            // RFC 8656 §7.2: a server that cannot add the IPv6 address allocates IPv4 alone and says why.
            attributes.add(new AddressErrorCode(AddressFamily.IPV6,
                    new ErrorCode(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED.code(),
                            "dual allocation is not supported")));
        }
        attributes.add(Lifetime.of(outcome.lifetime()));
        outcome.reservationToken().ifPresent(token -> attributes.add(new ReservationToken(token)));
        attributes.add(new XorMappedAddress(exchange.from().client()));
        ByteBuffer response = responses.success(exchange, attributes);
        return outcome.retransmission() ? respond(response) : new TurnReply.Allocated(response, outcome.allocation());
    }

    /** RFC 8656 §8.2. */
    private TurnReply refresh(Exchange exchange) {
        StunMessage message = exchange.message();
        Optional<RequestedAddressFamily> requested = message.attribute(RequestedAddressFamily.class);
        Optional<Rejection> unknownFamily = AllocateRequest.unknownFamily(requested);
        if (unknownFamily.isPresent()) {
            return refuse(exchange, unknownFamily.get());
        }
        Optional<Duration> lifetime = message.attribute(Lifetime.class).map(Lifetime::duration);
        Optional<AddressFamily> family = requested.flatMap(RequestedAddressFamily::family);
        return switch (allocations.refresh(exchange.from(), exchange.username(), lifetime, family)) {
            case RefreshOutcome.Refreshed refreshed ->
                    respond(responses.success(exchange, List.of(Lifetime.of(refreshed.lifetime()))));
            case Rejection rejection -> refuse(exchange, rejection);
        };
    }

    /** RFC 8656 §10.2: one permission per XOR-PEER-ADDRESS, all or none. */
    private TurnReply createPermission(Exchange exchange) {
        List<XorPeerAddress> peers = exchange.message().attributes(XorPeerAddress.class);
        if (peers.isEmpty()) {
            return error(exchange, StunErrorCode.BAD_REQUEST, "CreatePermission needs XOR-PEER-ADDRESS");
        }
        return switch (allocations.createPermissions(exchange.from(), exchange.username(),
                peers.stream().map(peer -> peer.address().getAddress()).toList())) {
            case CreatePermissionOutcome.Installed installed -> respond(responses.success(exchange, List.of()));
            case Rejection rejection -> refuse(exchange, rejection);
        };
    }

    /** RFC 8656 §12.2. */
    private TurnReply channelBind(Exchange exchange) {
        Optional<ChannelNumber> number = exchange.message().attribute(ChannelNumber.class);
        Optional<XorPeerAddress> peer = exchange.message().attribute(XorPeerAddress.class);
        if (number.isEmpty() || peer.isEmpty()) {
            return error(exchange, StunErrorCode.BAD_REQUEST, "ChannelBind needs CHANNEL-NUMBER and XOR-PEER-ADDRESS");
        }
        return switch (allocations.bindChannel(exchange.from(), exchange.username(), number.get().number(),
                peer.get().address())) {
            case ChannelBindOutcome.Bound bound -> respond(responses.success(exchange, List.of()));
            case Rejection rejection -> refuse(exchange, rejection);
        };
    }

    /**
     * RFC 8656 §11.2: data for a peer, relayed if the allocation allows it; indications are never answered,
     * so whatever is wrong is dropped silently.
     */
    private TurnReply send(StunMessage message, FiveTuple from) {
        Optional<Allocation> allocation = allocations.find(from);
        if (allocation.isEmpty()) {
            return drop(DropReason.ALLOCATION_GONE);
        }
        if (!message.unknownComprehensionRequired().isEmpty() || message.has(DontFragment.class)) {
            return ignore(Ignored.UNSUPPORTED);
        }
        Optional<XorPeerAddress> peer = message.attribute(XorPeerAddress.class);
        Optional<Data> data = message.attribute(Data.class);
        if (peer.isEmpty() || data.isEmpty()) {
            return ignore(Ignored.INCOMPLETE_SEND);
        }
        return switch (allocation.get().routeSend(peer.get().address(), data.get().value().length())) {
            case ClientToPeer.Forward forward ->
                    new TurnReply.Forward(allocation.get(), forward.peer(), data.get().value().asReadOnlyBuffer());
            case Dropped dropped -> drop(dropped.reason());
        };
    }

    /**
     * RFC 8489 §6.3: a request whose header was sound gets a 400; anything else (no header, a response, an
     * indication, an RFC 3489 message without the magic cookie) is dropped, and so is a message whose
     * FINGERPRINT does not match (§7.3: it is not STUN at all, just something that looks like it).
     */
    private TurnReply malformed(ByteBuffer packet, StunDecodeException e, FiveTuple from) {
        Optional<StunHeader> header = e.header().filter(h -> h.type().messageClass() == MessageClass.REQUEST);
        if (header.isEmpty() || e.where().contains(FINGERPRINT)) {
            LOG.debug("dropping undecodable message from {}: {}", from.client(), e.getMessage());
            return ignore(Ignored.MALFORMED);
        }
        stats.countRequest(header.get().type().method());
        byte[] bytes = new byte[packet.remaining()];
        packet.get(packet.position(), bytes);
        StunMessage known = new StunMessage(header.get().type(), header.get().transactionId(), List.of());
        Exchange exchange = Exchange.of(new DecodedMessage(known, bytes, DecodedMessage.ABSENT,
                DecodedMessage.ABSENT), from);
        return error(exchange, StunErrorCode.BAD_REQUEST, e.getMessage());
    }

    private TurnReply internalError(Optional<DecodedMessage> decoded, FiveTuple from, RuntimeException e) {
        int skipped = internalErrors.admit(TimeUnit.MILLISECONDS.toNanos(clock.millis()));
        if (skipped != LogThrottle.SKIP) {
            LOG.warn("failed to handle a message from {} ({} more not logged)", from.client(), skipped, e);
        }
        Optional<DecodedMessage> request = decoded
                .filter(d -> d.message().type().messageClass() == MessageClass.REQUEST);
        if (request.isEmpty()) {
            return ignore(Ignored.INTERNAL_ERROR);
        }
        try {
            return error(Exchange.of(request.get(), from), StunErrorCode.SERVER_ERROR, "internal error");
        } catch (RuntimeException again) {
            return ignore(Ignored.INTERNAL_ERROR);
        }
    }

    private TurnReply unknownAttributes(Exchange exchange, List<Integer> types) {
        return error(exchange, StunErrorCode.UNKNOWN_ATTRIBUTE, "not understood: " + types.stream()
                .map(AttributeType::describe).toList(), List.of(new UnknownAttributes(types)));
    }

    private TurnReply refuse(Exchange exchange, Rejection rejection) {
        return error(exchange, rejection.code(), rejection.reason());
    }

    private TurnReply error(Exchange exchange, StunErrorCode code, String reason) {
        return error(exchange, code, reason, List.of());
    }

    private TurnReply error(Exchange exchange, StunErrorCode code, String reason, List<Attribute> attributes) {
        ByteBuffer response = responses.error(exchange, code, reason, attributes);
        events.on(new TurnEvent.Refused(clock.instant(), exchange.from(),
                exchange.credentials().map(Credentials::username), exchange.message().type().method(), code, reason));
        return respond(response);
    }

    private static TurnReply respond(ByteBuffer message) {
        return new TurnReply.Respond(message);
    }

    private TurnReply ignore(Ignored reason) {
        stats.countIgnored(reason);
        return new TurnReply.Ignore(reason);
    }

    private TurnReply drop(DropReason reason) {
        stats.countDrop(reason);
        return new TurnReply.Drop(reason);
    }

}
