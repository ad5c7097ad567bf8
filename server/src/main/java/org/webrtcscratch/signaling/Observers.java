package org.webrtcscratch.signaling;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peers that observe the server, by peer id: each is sent its own relayed signals as {@code server-event}s,
 * and what its {@link Backstage} watch tells. Nothing is looked up, timed or built for a relay while nobody
 * observes: {@link #any()} is one volatile read. A peer observes on one connection at a time; observing ends with
 * {@code observe {enabled: false}}, {@code leave} or the connection's close (a resume starts afresh).
 */
final class Observers {

    /** What {@link #receivedAt} gives while nobody observes. */
    static final long NOT_TIMED = Long.MIN_VALUE;

    private final ConcurrentMap<String, Observer> byPeerId = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Backstage backstage;
    private final SignalingCodec codec;
    private final SignalingClock clock;
    private final SignalingStats stats;

    Observers(Backstage backstage, SignalingCodec codec, SignalingClock clock, SignalingStats stats) {
        this.backstage = backstage;
        this.codec = codec;
        this.clock = clock;
        this.stats = stats;
    }

    /** Whether anyone observes. */
    boolean any() {
        return count.get() > 0;
    }

    /** The monotonic time a message arrived, read only while someone observes. */
    long receivedAt() {
        return any() ? clock.nanoTime() : NOT_TIMED;
    }

    /** {@code session}, which is {@code peer}, starts observing (afresh, with a new snapshot, if it was). */
    void start(Session session, Peer peer) {
        stop(session);
        Observer observer = new Observer(session, peer.peerId(), codec, stats);
        session.observer(observer);
        Observer replaced = byPeerId.put(peer.peerId(), observer);
        if (replaced == null) {
            count.incrementAndGet();
        } else {
            replaced.close(); // the peer's older connection, which a resume replaced
        }
        observer.start(peer, backstage, clock);
    }

    /** {@code session} stops observing, if it did. */
    void stop(Session session) {
        Observer observer = session.observer();
        if (observer == null) {
            return;
        }
        session.observer(null);
        if (byPeerId.remove(observer.peerId, observer)) {
            count.decrementAndGet();
        }
        observer.close();
    }

    /**
     * A signal relayed from {@code from} to {@code to} as {@code frame}, received at {@code receivedAt}
     * ({@link #receivedAt()}): told to whichever of the two observes. Call only when {@link #any()}.
     */
    void relayed(Peer from, Peer to, String payload, String frame, Delivery.Outcome outcome, long receivedAt) {
        Observer sender = byPeerId.get(from.peerId());
        Observer receiver = byPeerId.get(to.peerId());
        if (sender == null && receiver == null) {
            return;
        }
        long sentNanos = clock.nanoTime();
        Instant sent = clock.instant();
        Instant received = receivedAt == NOT_TIMED ? sent : sent.minusNanos(sentNanos - receivedAt);
        ServerSideEvent.Relayed event = new ServerSideEvent.Relayed(ServerSideEvent.millis(sent), from.peerId(),
                to.peerId(), codec.signalKind(payload), SignalingService.utf8Length(frame),
                ServerSideEvent.millis(received), ServerSideEvent.millis(sent),
                outcome == Delivery.Outcome.SENT ? "sent" : "held");
        if (sender != null) {
            sender.send(event);
        }
        if (receiver != null) {
            receiver.send(event);
        }
    }

    int count() {
        return count.get();
    }
}
