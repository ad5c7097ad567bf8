package org.webrtcscratch.backstage;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.webrtcscratch.signaling.Backstage;
import org.webrtcscratch.signaling.ServerSideEvent;
import org.webrtcscratch.turn.Ticker;
import org.webrtcscratch.turn.TurnServer;

/**
 * Signaling's {@link Backstage} for this process's own TURN server: each observing peer gets a {@link TurnWatch}
 * on the allocations made with its credential. The usage ticker runs only while someone watches, and each watch
 * is subscribed to the TURN events only while it is open, so nobody observing costs nothing.
 */
public final class TurnBackstage implements Backstage, AutoCloseable {

    /** How often {@code turn-usage} is told, for the allocations whose counts changed. */
    static final Duration USAGE_PERIOD = Duration.ofSeconds(1);

    private final TurnServer turn;
    private final InstantSource clock;
    private final Ticker ticker;
    private final Set<TurnWatch> watches = ConcurrentHashMap.newKeySet();
    private Ticker.Stop ticking;

    /**
     * @param clock  the time of the {@code turn-usage} events (the others carry the TURN server's own)
     * @param ticker what drives {@code turn-usage}, every {@link #USAGE_PERIOD} while someone watches
     */
    public TurnBackstage(TurnServer turn, InstantSource clock, Ticker ticker) {
        this.turn = turn;
        this.clock = clock;
        this.ticker = ticker;
    }

    @Override
    public Watch watch(String peerId, Consumer<ServerSideEvent> out) {
        TurnWatch watch = new TurnWatch(peerId, out, turn, clock, this::ended);
        synchronized (this) {
            watches.add(watch);
            if (ticking == null) {
                ticking = ticker.every(USAGE_PERIOD, this::tellUsage);
            }
        }
        watch.start();
        return watch;
    }

    /** Watches open now. */
    public int watchCount() {
        return watches.size();
    }

    /** Stops the ticker; the watches end with their observers. */
    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.close();
            ticking = null;
        }
    }

    private synchronized void ended(TurnWatch watch) {
        if (watches.remove(watch) && watches.isEmpty()) {
            close();
        }
    }

    private void tellUsage() {
        for (TurnWatch watch : watches) {
            watch.tellUsage();
        }
    }
}
