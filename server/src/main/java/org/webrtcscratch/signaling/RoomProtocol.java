package org.webrtcscratch.signaling;

import java.time.Duration;
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

    RoomProtocol(Rooms rooms, Delivery delivery, IceServerProvider iceServers, SignalingClock clock,
                 SignalingEvents events, Duration resumeWindow, SignalingCodec codec, Observers observers) {
        this.rooms = rooms;
        this.delivery = delivery;
        this.iceServers = iceServers;
        this.clock = clock;
        this.events = events;
        this.resumeWindow = resumeWindow;
        this.codec = codec;
        this.observers = observers;
    }

    void join(Session session, ClientMessage.Join join) {
        Peer current = session.peer();
        if (current != null) {
            throw new SignalingException(ErrorCode.ALREADY_JOINED, "already in room '" + current.room()
                    + "'; send leave first");
        }
        if (join.resume() != null && resume(session, join)) {
            return;
        }
        rooms.join(join.room(), join.name(), (peer, others) -> {
            delivery.open(peer, session);
            session.peer(peer);
            session.send(codec.encode(welcome(peer, others, false, session)));
            events.on(new SignalingEvent.Joined(clock.instant(), peer.room(), peer.peerId(), peer.name()));
            broadcast(peer.room(), others, new ServerMessage.PeerJoined(peer.info()));
        });
    }

    private boolean resume(Session session, ClientMessage.Join join) {
        Peer peer = rooms.resumable(join.resume(), join.room());
        if (peer == null) {
            return false;
        }
        String welcome = codec.encode(welcome(peer, rooms.others(peer), true, session));
        int delivered = delivery.resume(peer, session, welcome);
        if (delivered < 0) {
            return false;
        }
        events.on(new SignalingEvent.Resumed(clock.instant(), peer.room(), peer.peerId(), delivered));
        return true;
    }

    private ServerMessage.Welcome welcome(Peer peer, List<Peer> others, boolean resumed, Session session) {
        return new ServerMessage.Welcome(peer.peerId(), peer.room(), peer.name(),
                others.stream().map(Peer::info).toList(),
                iceServers.iceServersFor(peer.peerId(), session.connection.host()),
                peer.resumeToken(), resumed);
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

    void leave(Session session) {
        Peer peer = joined(session);
        observers.stop(session);
        session.peer(null);
        leave(peer, LeaveReason.LEFT);
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
        rooms.leave(peer, others -> {
            events.on(new SignalingEvent.Left(clock.instant(), peer.room(), peer.peerId(), reason));
            broadcast(peer.room(), others, new ServerMessage.PeerLeft(peer.peerId(), reason));
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
}
