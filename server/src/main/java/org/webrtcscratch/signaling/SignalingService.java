package org.webrtcscratch.signaling;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.iceservers.IceServerProvider;

/**
 * The signaling logic, independent of the transport: connections open, send text, close; the service keeps
 * rooms, relays signals and enforces the limits. Safe for concurrent use from many connections; each
 * connection's own messages must arrive one at a time (WebSocket containers guarantee that).
 */
public final class SignalingService implements AutoCloseable {

    /** Close codes after which a peer has left at once instead of getting a resume window (RFC 6455 §7.4.1). */
    private static final Set<Integer> DELIBERATE_CLOSE_CODES = Set.of(1000, 1001);
    private static final Logger LOG = LoggerFactory.getLogger(SignalingService.class);

    /**
     * The web app's keep-alive, by far the most frequent message (one per connection every 10 s): answered
     * without parsing. Any other spelling of a ping takes the general path.
     */
    private static final String PLAIN_PING = "{\"type\":\"ping\"}";
    private static final String PING_TYPE = new ClientMessage.Ping(null).type();

    private final SignalingLimits limits;
    private final IceServerProvider iceServers;
    private final LongSupplier nanoTime;
    private final SignalingCodec codec = new SignalingCodec();
    private final String pong = codec.encode(new ServerMessage.Pong());
    private final RoomRegistry registry;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final SignalingStats stats = new SignalingStats();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("signaling-timers").factory());
    private volatile boolean closing;

    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, LongSupplier nanoTime) {
        this.limits = limits.validate();
        this.iceServers = iceServers;
        this.nanoTime = nanoTime;
        this.registry = new RoomRegistry(limits.roomCapacity(), limits.maxRooms());
    }

    public SignalingService(SignalingLimits limits, IceServerProvider iceServers) {
        this(limits, iceServers, System::nanoTime);
    }

    /**
     * A new connection. Returns its session, or null if the server is full or stopping (the
     * connection has then been told and closed).
     */
    public Session open(Connection connection) {
        if (closing) {
            connection.close(1001, "server shutting down");
            return null;
        }
        if (connectionCount.incrementAndGet() > limits.maxConnections()) {
            connectionCount.decrementAndGet();
            SignalingException busy = new SignalingException(ErrorCode.SERVER_BUSY,
                    "the server holds its maximum of " + limits.maxConnections() + " connections");
            stats.countRefused(busy.code());
            connection.send(codec.encode(ServerMessage.Error.of(busy)));
            connection.close(1013, "server busy, try again later");
            return null;
        }
        Session session = new Session(connection, new RateGuard(limits.rateLimitPerSecond(), limits.rateBurst(),
                limits.rateAbuse(), nanoTime));
        sessions.add(session);
        return session;
    }

    /** A text frame from the session's connection. */
    public void onText(Session session, String text) {
        if (!withinRate(session)) {
            return;
        }
        if (text.equals(PLAIN_PING)) {
            stats.countReceived(PING_TYPE);
            session.send(pong);
            return;
        }
        try {
            // A char is at most 3 UTF-8 bytes, so most frames need no counting at all.
            int size = text.length() <= limits.maxMessageBytes() / 3 ? 0 : utf8Length(text);
            if (size > limits.maxMessageBytes()) {
                throw new SignalingException(ErrorCode.TOO_LARGE, "message of " + size
                        + " bytes is over the limit of " + limits.maxMessageBytes() + " bytes");
            }
            ClientMessage message = codec.decode(text);
            stats.countReceived(message.type());
            try {
                handle(session, message);
            } catch (SignalingException e) {
                throw e.answering(message.type(), message.id());
            }
        } catch (SignalingException e) {
            refuse(session, e);
        }
    }

    /** A binary frame: not part of the protocol. */
    public void onBinary(Session session) {
        if (withinRate(session)) {
            refuse(session, new SignalingException(ErrorCode.BINARY_NOT_SUPPORTED,
                    "binary frames are not part of the protocol; send JSON text frames"));
        }
    }

    /** The connection closed with {@code code}, by either side. */
    public void onClose(Session session, int code) {
        if (!sessions.remove(session)) {
            return;
        }
        connectionCount.decrementAndGet();
        Member member = session.member();
        if (member == null || closing) {
            return;
        }
        if (DELIBERATE_CLOSE_CODES.contains(code)) {
            leave(member, LeaveReason.LEFT);
        } else if (limits.resumeWindow().isZero()) {
            leave(member, LeaveReason.DISCONNECTED);
        } else {
            member.detach(session, () -> timers.schedule(() -> expire(member),
                    limits.resumeWindow().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private boolean withinRate(Session session) {
        switch (session.rateGuard.check()) {
            case ACCEPT -> {
                return true;
            }
            case DROP -> {
                stats.countRateLimited();
                if (session.rateGuard.shouldReport()) {
                    refuse(session, new SignalingException(ErrorCode.RATE_LIMITED, "more than "
                            + limits.rateLimitPerSecond() + " messages a second; message dropped"));
                }
                return false;
            }
            default -> {
                LOG.info("closing {}: rate limit exceeded for {}", session.connection.remote(), limits.rateAbuse());
                closeWithReason(session, 1008, "rate limit exceeded");
                return false;
            }
        }
    }

    private void handle(Session session, ClientMessage message) {
        switch (message) {
            case ClientMessage.Join join -> join(session, join);
            case ClientMessage.Signal signal -> relay(joined(session), signal);
            case ClientMessage.Leave leave -> {
                Member member = joined(session);
                session.member(null);
                leave(member, LeaveReason.LEFT);
            }
            case ClientMessage.Ping ping -> session.send(pong);
        }
    }

    private void join(Session session, ClientMessage.Join join) {
        Member current = session.member();
        if (current != null) {
            throw new SignalingException(ErrorCode.ALREADY_JOINED, "already in room '" + current.room.name
                    + "'; send leave first");
        }
        if (join.resume() != null && resume(session, join)) {
            return;
        }
        registry.join(join.room(), join.name(), session, (member, others) -> {
            session.member(member);
            session.send(codec.encode(welcome(member, others, false, session)));
            broadcast(others, new ServerMessage.PeerJoined(member.info()));
        });
    }

    private boolean resume(Session session, ClientMessage.Join join) {
        Member member = registry.findResumable(join.resume(), join.room());
        if (member == null) {
            return false;
        }
        String welcome = codec.encode(welcome(member, member.room.others(member), true, session));
        return member.attach(session, welcome);
    }

    private ServerMessage.Welcome welcome(Member member, List<Member> others, boolean resumed, Session session) {
        return new ServerMessage.Welcome(member.peerId, member.room.name, member.name,
                others.stream().map(Member::info).toList(),
                iceServers.iceServersFor(member.peerId, session.connection.host()),
                member.resumeToken, resumed);
    }

    private void relay(Member from, ClientMessage.Signal signal) {
        Member to = signal.to().equals(from.peerId) ? null : from.room.member(signal.to());
        if (to == null) {
            throw new SignalingException(ErrorCode.UNKNOWN_PEER, "peer '" + Names.abbreviate(signal.to())
                    + "' is not in room '" + from.room.name + "'");
        }
        to.deliver(codec.encode(new ServerMessage.Relayed(from.peerId, signal.payload())));
        stats.countRelayed();
    }

    private Member joined(Session session) {
        Member member = session.member();
        if (member == null) {
            throw new SignalingException(ErrorCode.NOT_JOINED, "not in a room; send join first");
        }
        return member;
    }

    private void leave(Member member, LeaveReason reason) {
        if (member.retire()) {
            announceDeparture(member, reason);
        }
    }

    private void expire(Member member) {
        if (member.retireIfAway()) {
            announceDeparture(member, LeaveReason.DISCONNECTED);
        }
    }

    private void announceDeparture(Member member, LeaveReason reason) {
        registry.remove(member, others -> broadcast(others, new ServerMessage.PeerLeft(member.peerId, reason)));
    }

    private void broadcast(List<Member> recipients, ServerMessage message) {
        if (recipients.isEmpty()) {
            return;
        }
        String text = codec.encode(message);
        recipients.forEach(recipient -> recipient.deliver(text));
    }

    private void refuse(Session session, SignalingException e) {
        stats.countRefused(e.code());
        session.send(codec.encode(ServerMessage.Error.of(e)));
    }

    private void closeWithReason(Session session, int code, String reason) {
        session.send(codec.encode(new ServerMessage.Closing(reason)));
        session.connection.close(code, reason);
    }

    /**
     * Tells every connection the server is stopping and closes them, waiting up to {@code grace} for the
     * close handshakes so that the transport can then stop without cutting anyone off mid-frame.
     */
    public void close(Duration grace) {
        closing = true;
        for (Session session : sessions) {
            closeWithReason(session, 1001, "server shutting down");
        }
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (!sessions.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    public int connectionCount() {
        return connectionCount.get();
    }

    public int roomCount() {
        return registry.roomCount();
    }

    public int peerCount() {
        return registry.peerCount();
    }

    public SignalingStats stats() {
        return stats;
    }

    /** The UTF-8 size of {@code text}, counted without encoding it. */
    static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // 2 bytes below U+0800, 3 above; a surrogate pair (2 chars) makes 4.
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }
}
