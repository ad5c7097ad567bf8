package org.webrtcscratch.turn.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink a running server emits into, to which listeners subscribe and unsubscribe while it runs (metrics at
 * start, a Behind-the-Scenes view when someone opens it). Each event goes to every subscriber; one that throws is
 * logged and does not keep the event from the others or break the request that caused it. Thread-safe; emitting
 * reads a copy-on-write list, without locking.
 */
public final class TurnEvents implements TurnEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(TurnEvents.class);

    private final List<TurnEventSink> subscribers = new CopyOnWriteArrayList<>();

    /** Adds {@code sink}; closing the returned handle removes it again. */
    public Subscription subscribe(TurnEventSink sink) {
        subscribers.add(sink);
        return () -> subscribers.remove(sink);
    }

    /** Subscribers now (the stats are one), so that tests can tell a subscription was let go. */
    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void on(TurnEvent event) {
        for (TurnEventSink subscriber : subscribers) {
            try {
                subscriber.on(event);
            } catch (RuntimeException e) {
                LOG.warn("a TURN event subscriber failed on {}", event, e);
            }
        }
    }

    /** A subscription, ended by {@link #close()}. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
