package org.webrtcscratch.signaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.webrtcscratch.iceservers.IceServerProvider;

/**
 * The room protocol: join, resume, signal, leave, and what the others are told. Messages reach it decoded and
 * admitted by the connection gate ({@link SignalingService}); it knows membership only through {@link Rooms}
 * and peers only through {@link Delivery}, and tells what happened to {@link SignalingEvents}.
 */
final class RoomProtocol {

    /** Close codes after which a peer has left at once instead of getting a resume window (RFC 6455 §7.4.1). */
    private static final Set<Integer> DELIBERATE_CLOSE_CODES = Set.of(1000, 1001);

    private final Rooms rooms;
    private final Delivery delivery;
    private final IceServerProvider iceServers;
    private final SignalingClock clock;
    private final SignalingEvents events;
    private final Duration resumeWindow;
    private final SignalingCodec codec;
    private final Observers observers;
    private final ResumeTokens tokens;
    private final RoomEntry entry;
    private final SignalingStats stats;
    /** When this process started: tokens issued before it come from an earlier run of the server. */
    private final Instant startedAt;

    RoomProtocol(Rooms rooms, Delivery delivery, IceServerProvider iceServers, SignalingClock clock,
                 SignalingEvents events, Duration resumeWindow, SignalingCodec codec, ResumeTokens tokens,
                 Observers observers, RoomEntry entry, SignalingStats stats) {
        this.rooms = rooms;
        this.delivery = delivery;
        this.iceServers = iceServers;
        this.clock = clock;
        this.events = events;
        this.resumeWindow = resumeWindow;
        this.codec = codec;
        this.observers = observers;
        this.tokens = tokens;
        this.entry = entry;
        this.stats = stats;
        this.startedAt = clock.instant();
    }

    void join(Session session, ClientMessage.Join join) {
        Peer current = session.peer();
        if (current != null) {
            throw new SignalingException(ErrorCode.ALREADY_JOINED, "already in room '" + current.room()
                    + "'; send leave first");
        }
        if (join.resume() != null && (resume(session, join) || restore(session, join))) {
            return;
        }
        RoomEntry.Ticket ticket = entry.check(join, session.connection.address());
        rooms.join(join.room(), ticket.name(), ticket.admission(),
                (peer, others, state) -> admitted(session, peer, others, state, false));
    }

    /** Welcomes a peer new to this process, with its room's state, and tells the others in its room. */
    private void admitted(Session session, Peer peer, List<Peer> others, ServerMessage.RoomState state,
                          boolean restored) {
        delivery.open(peer, session);
        session.peer(peer);
        session.send(codec.encode(welcome(peer, others, restored, restored, session)));
        if (worthTelling(state)) {
            session.send(codec.encode(state));
        }
        events.on(new SignalingEvent.Joined(clock.instant(), peer.room(), peer.peerId(), peer.name()));
        broadcast(peer.room(), others, new ServerMessage.PeerJoined(peer.info()));
    }

    /**
     * A peer of the server's previous run, back after a restart: its token is signed with our secret, names this
     * room, was issued before this process started, and comes within the resume window of the start. It gets its
     * peer id back (its peer connections carry on); to the others already back it looks like a join, which they
     * ignore for a peer they still have.
     */
    private boolean restore(Session session, ClientMessage.Join join) {
        ResumeTokens.Claims claims = tokens.verify(join.resume());
        Instant now = clock.instant();
        if (claims == null || !claims.room().equals(join.room()) || !claims.issuedAt().isBefore(startedAt)
                || now.isAfter(startedAt.plus(resumeWindow))) {
            return false;
        }
        RoomPassword password = join.password() == null ? null : RoomPassword.of(join.password());
        return rooms.restore(join.room(), claims.peerId(), join.name(), join.resume(), password,
                (peer, others, state) -> admitted(session, peer, others, state, true)) != null;
    }

    private boolean resume(Session session, ClientMessage.Join join) {
        Peer peer = rooms.resumable(join.resume(), join.room());
        if (peer == null) {
            return false;
        }
        String welcome = codec.encode(welcome(peer, rooms.others(peer), true, false, session));
        int delivered = delivery.resume(peer, session, welcome);
        if (delivered < 0) {
            return false;
        }
        events.on(new SignalingEvent.Resumed(clock.instant(), peer.room(), peer.peerId(), delivered));
        // The lock or the host may have changed while it was away, and a long backlog drops its oldest messages.
        ServerMessage.RoomState state = rooms.state(peer);
        if (worthTelling(state)) {
            delivery.send(peer.peerId(), codec.encode(state));
        }
        return true;
    }

    private ServerMessage.Welcome welcome(Peer peer, List<Peer> others, boolean resumed, boolean restored,
                                          Session session) {
        return new ServerMessage.Welcome(peer.peerId(), peer.room(), peer.name(),
                others.stream().map(Peer::info).toList(),
                iceServers.iceServersFor(peer.peerId(), session.connection.host()),
                peer.resumeToken(), resumed, restored, iceServersTtl());
    }

    /**
     * Fresh ICE servers for a peer whose credentials near their end, at most once per the provider's
     * {@link IceServerProvider#minRefreshInterval()}: minting is cheap, but a client may not make it a loop.
     */
    void refreshIceServers(Session session) {
        Peer peer = joined(session);
        Duration interval = iceServers.minRefreshInterval();
        if (!session.tryRefreshIce(clock.nanoTime(), interval.toNanos())) {
            throw new SignalingException(ErrorCode.RATE_LIMITED, "ICE servers refreshed less than "
                    + interval.toSeconds() + " s ago; try again later");
        }
        session.send(codec.encode(new ServerMessage.IceServers(
                iceServers.iceServersFor(peer.peerId(), session.connection.host()), iceServersTtl())));
    }

    private Long iceServersTtl() {
        return iceServers.credentialLifetime().map(Duration::toSeconds).orElse(null);
    }

    /** @param receivedAt when the message arrived ({@link Observers#receivedAt()}), for an observer */
    void signal(Session session, ClientMessage.Signal signal, long receivedAt) {
        Peer from = joined(session);
        Peer to = signal.to().equals(from.peerId()) ? null : rooms.find(from.room(), signal.to());
        if (to == null) {
            throw new SignalingException(ErrorCode.UNKNOWN_PEER, "peer '" + Names.abbreviate(signal.to())
                    + "' is not in room '" + from.room() + "'");
        }
        String frame = codec.encode(new ServerMessage.Relayed(from.peerId(), signal.payload()));
        Delivery.Outcome outcome = delivery.send(to.peerId(), frame);
        if (outcome == Delivery.Outcome.DROPPED) {
            throw new SignalingException(ErrorCode.SERVER_BUSY, "the server has no room left to keep this message"
                    + " for '" + Names.abbreviate(signal.to()) + "' until it can take it");
        }
        events.relayed(from.room(), from.peerId(), to.peerId(), clock);
        if (observers.any()) {
            observers.relayed(from, to, signal.payload(), frame, outcome, receivedAt);
        }
        if (outcome == Delivery.Outcome.HELD) {
            events.on(new SignalingEvent.Held(clock.instant(), to.room(), to.peerId()));
        }
    }

    /** Starts or stops sending this peer {@code server-event}s: only its own, so only once it is someone. */
    void observe(Session session, ClientMessage.Observe observe) {
        Peer peer = joined(session);
        if (observe.enabled()) {
            observers.start(session, peer);
        } else {
            observers.stop(session);
        }
    }

    /** Locks or unlocks the sender's room; everyone in it is told the new state. */
    void lock(Session session, ClientMessage.Lock lock) {
        Peer peer = joined(session);
        rooms.lock(peer, lock.locked(), (state, members) -> {
            stats.countLockChange(state.locked());
            broadcast(peer.room(), members, state);
        });
    }

    /**
     * Whether a room's state is sent unasked (after a welcome, or when its host leaves): only when it is locked
     * or has a password, so that clients that use neither never see a {@code room-state}. Without one, a
     * client knows the host as the oldest member (docs/protocol.md, {@code room-state}).
     */
    private static boolean worthTelling(ServerMessage.RoomState state) {
        return state.locked() || state.password();
    }

    void leave(Session session) {
        Peer peer = joined(session);
        observers.stop(session);
        session.peer(null);
        leave(peer, LeaveReason.LEFT);
    }

    /**
     * The gate is closing the session for abuse: its peer leaves now, so that it cannot resume its place (and
     * the others' attention) on a new connection with a fresh rate bucket.
     */
    void expel(Session session) {
        Peer peer = session.peer();
        if (peer != null) {
            session.peer(null);
            leave(peer, LeaveReason.LEFT);
        }
    }

    /** The session's connection closed with {@code code}: the peer leaves, or is away for its resume window. */
    void closed(Session session, int code) {
        Peer peer = session.peer();
        if (peer == null) {
            return;
        }
        if (DELIBERATE_CLOSE_CODES.contains(code)) {
            leave(peer, LeaveReason.LEFT);
        } else if (resumeWindow.isZero()) {
            leave(peer, LeaveReason.DISCONNECTED);
        } else if (delivery.away(peer, session, () -> clock.schedule(resumeWindow, () -> expire(peer)))) {
            events.on(new SignalingEvent.Away(clock.instant(), peer.room(), peer.peerId(), resumeWindow));
        }
    }

    private Peer joined(Session session) {
        Peer peer = session.peer();
        if (peer == null) {
            throw new SignalingException(ErrorCode.NOT_JOINED, "not in a room; send join first");
        }
        return peer;
    }

    private void leave(Peer peer, LeaveReason reason) {
        if (delivery.retire(peer)) {
            announceDeparture(peer, reason);
        }
    }

    private void expire(Peer peer) {
        if (delivery.retireIfAway(peer)) {
            announceDeparture(peer, LeaveReason.DISCONNECTED);
        }
    }

    private void announceDeparture(Peer peer, LeaveReason reason) {
        rooms.leave(peer, (others, newState) -> {
            events.on(new SignalingEvent.Left(clock.instant(), peer.room(), peer.peerId(), reason));
            broadcast(peer.room(), others, new ServerMessage.PeerLeft(peer.peerId(), reason));
            if (newState != null && worthTelling(newState)) {
                broadcast(peer.room(), others, newState); // the host left: the next oldest may lock now
            }
        });
    }

    private void broadcast(String room, List<Peer> recipients, ServerMessage message) {
        if (recipients.isEmpty()) {
            return;
        }
        String text = codec.encode(message);
        for (Peer recipient : recipients) {
            if (delivery.send(recipient.peerId(), text) == Delivery.Outcome.HELD) {
                events.on(new SignalingEvent.Held(clock.instant(), room, recipient.peerId()));
            }
        }
    }

    int roomCount() {
        return rooms.roomCount();
    }

    int peerCount() {
        return rooms.peerCount();
    }

    int roomSize(String room) {
        return rooms.size(room);
    }
}
