package org.webrtcscratch.signaling;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.webrtcscratch.iceservers.IceServerProvider;

/**
 * The connection gate, independent of the transport: admits connections up to the limit, rate-limits and
 * size-checks each frame, decodes it and hands it to the {@link RoomProtocol}, and closes everyone on shutdown.
 * Safe for concurrent use from many connections; each connection's own messages must arrive one at a time
 * (WebSocket containers guarantee that).
 */
public final class SignalingService implements AutoCloseable {

    /**
     * The web app's keep-alive, by far the most frequent message (one per connection every 10 s): answered
     * without parsing. Any other spelling of a ping takes the general path.
     */
    private static final String PLAIN_PING = "{\"type\":\"ping\"}";
    private static final String PING_TYPE = new ClientMessage.Ping(null).type();

    private final SignalingLimits limits;
    private final SignalingClock clock;
    private final SignalingCodec codec = new SignalingCodec();
    private final String pong = codec.encode(new ServerMessage.Pong());
    private final RoomProtocol protocol;
    private final Observers observers;
    private final AddressJoinRate joinRate;
    /** Lookups of how full a room is, a minute per address: as many as joins, so a name walk gets no further. */
    private final AddressJoinRate lookupRate;
    private final RoomEntry entry;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionCount = new AtomicInteger();
    /** Numbers the connections for the log. */
    private final AtomicLong connectionIds = new AtomicLong();
    private final SignalingStats stats = new SignalingStats();
    private final SignalingEvents events;
    private final HeldBacklog held;
    /** Completed when every connection has closed after {@link #closeAsync}, or its grace ran out. */
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean closing;

    /**
     * @param rooms       who is in which room
     * @param delivery    how to reach each peer
     * @param clock       time and timers; stopped when the service has closed
     * @param subscribers told what happens, after the service's own {@link #stats()}
     * @param backstage   what a peer that observes the server is shown beyond signaling
     */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, Rooms rooms, Delivery delivery,
                            SignalingClock clock, SignalingEvents subscribers, ResumeTokens tokens,
                            Backstage backstage) {
        this(limits, iceServers, rooms, delivery, clock, subscribers, tokens, backstage, RoomAccess.defaults());
    }

    /** @param access who may enter a room beyond knowing its name: join tokens, password attempts */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, Rooms rooms, Delivery delivery,
                            SignalingClock clock, SignalingEvents subscribers, ResumeTokens tokens,
                            Backstage backstage, RoomAccess access) {
        this.limits = limits.validate();
        this.clock = clock;
        this.events = SignalingEvents.of(stats, subscribers);
        this.observers = new Observers(backstage, codec, clock, stats);
        this.entry = new RoomEntry(access.validate(), rooms, clock);
        this.protocol = new RoomProtocol(rooms, delivery, iceServers, clock, events, limits.resumeWindow(), codec,
                tokens, observers, entry, stats);
        this.joinRate = new AddressJoinRate(limits.joinsPerMinutePerAddress(), clock::nanoTime);
        this.lookupRate = new AddressJoinRate(limits.joinsPerMinutePerAddress(), clock::nanoTime);
        this.held = delivery instanceof Mailboxes mailboxes ? mailboxes.held() : new Mailboxes().held();
    }

    /** With nothing behind signaling to observe. */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, Rooms rooms, Delivery delivery,
                            SignalingClock clock, SignalingEvents subscribers, ResumeTokens tokens) {
        this(limits, iceServers, rooms, delivery, clock, subscribers, tokens, Backstage.NONE);
    }

    /**
     * This process's rooms and connections, the system clock and a scheduler thread; resume tokens signed with
     * {@code tokens}' secret, so that a restart under the same secret keeps the peers' ids.
     */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, ResumeTokens tokens,
                            Backstage backstage) {
        this(limits, iceServers, tokens, backstage, RoomAccess.defaults());
    }

    /** As above, with {@code access} deciding who may enter a room beyond knowing its name. */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, ResumeTokens tokens,
                            Backstage backstage, RoomAccess access) {
        this(limits, iceServers, tokens, backstage, HeldBacklog.bounded(limits.effectiveMaxQueuedBytesTotal()), access);
    }

    /** As above, the messages held for peers that are away drawing on {@code held} (the transport's budget). */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, ResumeTokens tokens,
                            Backstage backstage, HeldBacklog held, RoomAccess access) {
        this(limits, iceServers, new SchedulerClock(), tokens, backstage, held, access);
    }

    /** As above, with a resume secret of this process only. */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers, Backstage backstage) {
        this(limits, iceServers, ResumeTokens.withRandomSecret(), backstage);
    }

    /** As above, with nothing behind signaling to observe. */
    public SignalingService(SignalingLimits limits, IceServerProvider iceServers) {
        this(limits, iceServers, Backstage.NONE);
    }

    private SignalingService(SignalingLimits limits, IceServerProvider iceServers, SignalingClock clock,
                             ResumeTokens tokens, Backstage backstage, HeldBacklog held, RoomAccess access) {
        this(limits, iceServers, new MemoryRooms(limits.roomCapacity(), limits.maxRooms(),
                        (room, peerId) -> tokens.issue(room, peerId, clock.instant())),
                new Mailboxes(held), clock, SignalingEvents.NONE, tokens, backstage, access);
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
            events.on(new SignalingEvent.Refused(clock.instant(), null, null, busy.code()));
            connection.send(codec.encode(ServerMessage.Error.of(busy)));
            connection.close(1013, "server busy, try again later");
            return null;
        }
        Session session = new Session("c" + Long.toString(connectionIds.incrementAndGet(), 36), connection,
                new RateGuard(limits.rateLimitPerSecond(), limits.rateBurst(), limits.rateAbuse(), clock::nanoTime));
        sessions.add(session);
        ConnectionLog.opened(session);
        return session;
    }

    /** A text frame from the session's connection. */
    public void onText(Session session, String text) {
        long receivedAt = observers.receivedAt();
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
                handle(session, message, receivedAt);
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
        ConnectionLog.closed(session, code);
        observers.stop(session); // a resume starts observing afresh, on its new connection
        if (closing) {
            if (sessions.isEmpty()) {
                drained.complete(null);
            }
            return;
        }
        protocol.closed(session, code);
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
                ConnectionLog.expelled(session, "rate limit exceeded for " + limits.rateAbuse());
                protocol.expel(session);
                closeWithReason(session, 1008, "rate limit exceeded");
                return false;
            }
        }
    }

    private void handle(Session session, ClientMessage message, long receivedAt) {
        switch (message) {
            case ClientMessage.Join join -> {
                if (!joinRate.tryJoin(session.connection.address())) {
                    throw new SignalingException(ErrorCode.RATE_LIMITED, "more than " + joinRate.joinsPerMinute()
                            + " joins a minute from your address; try again later");
                }
                protocol.join(session, join);
                ConnectionLog.joined(session, session.peer());
            }
            case ClientMessage.Signal signal -> protocol.signal(session, signal, receivedAt);
            case ClientMessage.Leave leave -> {
                Peer peer = session.peer();
                protocol.leave(session);
                ConnectionLog.left(session, peer);
            }
            case ClientMessage.Ping ping -> session.send(pong);
            case ClientMessage.Observe observe -> protocol.observe(session, observe);
            case ClientMessage.Lock lock -> protocol.lock(session, lock);
            case ClientMessage.RefreshIceServers refresh -> protocol.refreshIceServers(session);
        }
    }

    private void refuse(Session session, SignalingException e) {
        Peer peer = session.peer();
        events.on(new SignalingEvent.Refused(clock.instant(), peer == null ? null : peer.room(),
                peer == null ? null : peer.peerId(), e.code()));
        session.send(codec.encode(ServerMessage.Error.of(e)));
    }

    private void closeWithReason(Session session, int code, String reason) {
        session.send(codec.encode(new ServerMessage.Closing(reason)));
        session.connection.close(code, reason);
    }

    /**
     * Tells every connection the server is stopping and closes them. The future completes when their close
     * handshakes are done, or after {@code grace} on the service's clock, so that the transport can then stop
     * without cutting anyone off mid-frame; the clock is stopped then.
     */
    public CompletableFuture<Void> closeAsync(Duration grace) {
        closing = true;
        for (Session session : sessions) {
            closeWithReason(session, 1001, "server shutting down");
        }
        if (sessions.isEmpty()) {
            drained.complete(null);
        } else {
            clock.schedule(grace, () -> drained.complete(null));
        }
        return drained.whenComplete((done, failure) -> clock.stop());
    }

    /** {@link #closeAsync}, waiting for it. */
    public void close(Duration grace) {
        closeAsync(grace).join();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    /** Whether the service is shutting down (new connections are turned away). */
    public boolean isClosing() {
        return closing;
    }

    public int connectionCount() {
        return connectionCount.get();
    }

    /** Connections that observe the server (Behind the Scenes). */
    public int observerCount() {
        return observers.count();
    }

    public int roomCount() {
        return protocol.roomCount();
    }

    public int peerCount() {
        return protocol.peerCount();
    }

    /**
     * How many places of {@code room} are taken and how many it has, for a page waiting for a place.
     *
     * @throws SignalingException {@code bad-room-name}
     */
    public RoomOccupancy occupancy(String room) {
        return new RoomOccupancy(Names.checkRoom(room), protocol.roomSize(room), limits.roomCapacity());
    }

    /**
     * As {@link #occupancy(String)}, for a client at {@code address} (null: not limited), who may look up as
     * many rooms a minute as it may join.
     *
     * @throws SignalingException {@code rate-limited} past that, {@code bad-room-name}
     */
    public RoomOccupancy occupancy(String room, String address) {
        if (!lookupRate.tryJoin(address)) {
            throw new SignalingException(ErrorCode.RATE_LIMITED, "more than " + lookupRate.joinsPerMinute()
                    + " room lookups a minute from this address");
        }
        return occupancy(room);
    }

    /** Room lookups refused because their address was over its lookups a minute. */
    public long addressLookupsLimited() {
        return lookupRate.refused();
    }

    /** Joins refused because their address was over its joins a minute. */
    public long addressJoinsLimited() {
        return joinRate.refused();
    }

    /** Joins refused a password check because their address was over its password attempts a minute. */
    public long passwordAttemptsLimited() {
        return entry.passwordAttemptsLimited();
    }

    /** Joins with a wrong room password. */
    public long wrongPasswords() {
        return entry.wrongPasswords();
    }

    /** The bytes held for peers that are away, and the messages that did not fit. */
    public HeldBacklog held() {
        return held;
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
