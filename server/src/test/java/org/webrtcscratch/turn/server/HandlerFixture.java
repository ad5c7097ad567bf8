package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.IntegrityKeys;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.allocation.RelayIp;
import org.webrtcscratch.turn.allocation.UdpRelayPortBinder;
import org.webrtcscratch.turn.auth.CredentialStore;
import org.webrtcscratch.turn.auth.GuessThrottle;
import org.webrtcscratch.turn.auth.NonceManager;
import org.webrtcscratch.turn.auth.RestApiCredentials;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.auth.StaticCredentials;
import org.webrtcscratch.turn.auth.UnauthorizedLimiter;
import org.webrtcscratch.turn.event.RecordingSink;
import org.webrtcscratch.turn.event.TurnEvents;
import org.webrtcscratch.turn.proto.TurnCodec;

/**
 * A {@link TurnHandler} on the real allocation state (relay ports bound on 127.0.0.1), a settable clock and
 * fixed users, with a client's side of the long-term credential mechanism for building requests.
 */
final class HandlerFixture implements AutoCloseable {

    static final String REALM = "example.org";
    static final String USER = "alice";
    static final String PASSWORD = "wonderland";
    static final String OTHER_USER = "bob";
    static final String OTHER_PASSWORD = "builder";
    static final int UNAUTHORIZED_LIMIT = 3;
    /** Signs time-limited (TURN REST API) credentials, accepted beside the fixed users. */
    static final RestApiSecret REST_SECRET = RestApiSecret.of("fixture-secret");
    static final InetSocketAddress SERVER = address("127.0.0.1", 3478);
    static final InetSocketAddress PEER = address("127.0.0.1", 9);

    private static final SecureRandom RANDOM = new SecureRandom();

    final SettableClock clock = SettableClock.atEpochSecond(1_700_000_000);
    final TurnStats stats = new TurnStats();
    /** Every event the handler and the allocation state told, through the same hub as the server's. */
    final RecordingSink events = new RecordingSink();
    final TurnConfig config;
    final AllocationManager allocations;
    final TurnHandler handler;
    private final byte[] key = IntegrityKeys.longTermMd5(USER, REALM, PASSWORD);
    private final Map<InetAddress, IssuedNonce> nonces = new HashMap<>();

    HandlerFixture() {
        this(UnaryOperator.identity(), Optional.empty());
    }

    HandlerFixture(UnaryOperator<TurnConfig.Builder> customise) {
        this(customise, Optional.empty());
    }

    HandlerFixture(UnaryOperator<TurnConfig.Builder> customise, Optional<String> software) {
        config = customise.apply(TurnConfig.builder()
                .realm(REALM)
                .relayIps(List.of(RelayIp.of(InetAddress.getLoopbackAddress())))
                .allowLoopbackPeers(true)
                .unauthorizedLimit(UNAUTHORIZED_LIMIT)).build();
        TurnEvents hub = new TurnEvents();
        hub.subscribe(stats);
        hub.subscribe(events);
        allocations = new AllocationManager(config.allocation(), new UdpRelayPortBinder(), clock, hub);
        CredentialStore credentials = CredentialStore.firstOf(List.of(StaticCredentials.parse(
                List.of(USER + ":" + PASSWORD, OTHER_USER + ":" + OTHER_PASSWORD), REALM),
                new RestApiCredentials(REST_SECRET, REALM, clock, config.maxCredentialLifetime())));
        Authenticator authenticator = new Authenticator(REALM, credentials,
                new NonceManager(NonceManager.newSecret(), clock, config.nonceLifetime()),
                new UnauthorizedLimiter(config.unauthorizedLimit(), config.unauthorizedWindow(),
                        config.unauthorizedTrackedSources(), clock), new GuessThrottle(config.guessLimits(), clock));
        handler = new TurnHandler(allocations, authenticator, software, stats, hub, clock);
    }

    /** A UDP 5-tuple from a documentation address (no packet ever goes there). */
    static FiveTuple client(int port) {
        return new FiveTuple(address("198.51.100.7", port), SERVER, FiveTuple.Transport.UDP);
    }

    static FiveTuple clientV6(int port) {
        return new FiveTuple(address("2001:db8::7", port), address("::1", 3478), FiveTuple.Transport.UDP);
    }

    static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    static TransactionId newId() {
        return TransactionId.random(RANDOM);
    }

    static StunEncoder request(StunMethod method, Attribute... attributes) {
        return StunEncoder.of(MessageType.of(method, MessageClass.REQUEST), newId()).addAll(List.of(attributes));
    }

    static StunEncoder indication(StunMethod method, Attribute... attributes) {
        return StunEncoder.of(MessageType.of(method, MessageClass.INDICATION), newId()).addAll(List.of(attributes));
    }

    TurnReply handle(byte[] message, FiveTuple from) {
        return handler.handle(ByteBuffer.wrap(message), from);
    }

    /** Handles a request that must be answered, and decodes the answer. */
    DecodedMessage answer(byte[] request, FiveTuple from) {
        TurnReply reply = handle(request, from);
        ByteBuffer bytes = switch (reply) {
            case TurnReply.Respond respond -> respond.message();
            case TurnReply.Allocated allocated -> allocated.message();
            default -> throw new AssertionError("expected an answer, got " + reply);
        };
        DecodedMessage response = TurnCodec.DECODER.decode(bytes.duplicate());
        assertThat(response.message().transactionId()).isEqualTo(TransactionId.read(request, 8));
        return response;
    }

    /** The NONCE of the 401 an unauthenticated request from {@code from} gets. */
    Nonce challenge(FiveTuple from) {
        DecodedMessage response = answer(request(StunMethod.ALLOCATE).toBytes(), from);
        assertThat(errorCode(response)).isEqualTo(401);
        return response.message().attribute(Nonce.class).orElseThrow();
    }

    /**
     * A request signed as alice with a nonce for {@code from}'s address: the last one it got while still
     * fresh, else a new one from a 401 (so tests do not run into the 401 limit).
     */
    byte[] signed(FiveTuple from, StunMethod method, Attribute... attributes) {
        InetAddress ip = from.client().getAddress();
        IssuedNonce issued = nonces.get(ip);
        if (issued == null || !clock.instant().isBefore(issued.at().plus(config.nonceLifetime()))) {
            issued = new IssuedNonce(challenge(from), clock.instant());
            nonces.put(ip, issued);
        }
        return signed(issued.nonce(), method, attributes);
    }

    private record IssuedNonce(Nonce nonce, Instant at) {
    }

    byte[] signed(Nonce nonce, StunMethod method, Attribute... attributes) {
        return withCredentials(request(method, attributes), USER, nonce).messageIntegrity(key).toBytes();
    }

    StunEncoder withCredentials(StunEncoder request, String user, Nonce nonce) {
        return request.add(new Username(user)).add(new Realm(REALM)).add(nonce);
    }

    byte[] key() {
        return key.clone();
    }

    /** Advances the clock past the nonce lifetime and more. */
    void advance(Duration step) {
        clock.advance(step);
    }

    static int errorCode(DecodedMessage response) {
        return response.message().attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
    }

    static boolean isSuccess(DecodedMessage response) {
        return response.message().type().messageClass() == MessageClass.SUCCESS_RESPONSE;
    }

    @Override
    public void close() {
        allocations.close();
    }
}
