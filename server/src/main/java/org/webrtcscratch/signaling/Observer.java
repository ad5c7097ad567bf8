package org.webrtcscratch.signaling;

/**
 * One connection's observing: its {@link Backstage.Watch} and the {@code server-event}s it is sent. Its lock
 * puts the snapshot before anything the watch tells from other threads, and nothing after {@link #close}.
 * Lock order: a sender's listener lock, this lock, then the connection's output lock (a leaf).
 */
final class Observer {

    final Session session;
    final String peerId;
    private final SignalingCodec codec;
    private final SignalingStats stats;
    private Backstage.Watch watch;
    private boolean closed;

    Observer(Session session, String peerId, SignalingCodec codec, SignalingStats stats) {
        this.session = session;
        this.peerId = peerId;
        this.codec = codec;
        this.stats = stats;
    }

    /** Starts the watch, then sends the snapshot, before any event the watch tells meanwhile. */
    synchronized void start(Peer peer, Backstage backstage, SignalingClock clock) {
        watch = backstage.watch(peerId, this::send);
        send(new ServerSideEvent.Snapshot(ServerSideEvent.millis(clock.instant()), peer.peerId(), peer.room(),
                peer.name(), watch.watching(), watch.allocations()));
    }

    synchronized void send(ServerSideEvent event) {
        if (closed) {
            return;
        }
        session.send(codec.encode(event));
        stats.countServerEvent();
    }

    void close() {
        Backstage.Watch stopping;
        synchronized (this) {
            closed = true;
            stopping = watch;
        }
        if (stopping != null) {
            stopping.close();
        }
    }
}
