package org.webrtcscratch.turn.event;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event it is told, for tests to look at. */
public final class RecordingSink implements TurnEventSink {

    private final List<TurnEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(TurnEvent event) {
        events.add(event);
    }

    /** Everything recorded so far, in order. */
    public synchronized List<TurnEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one kind, in order. */
    public synchronized <E extends TurnEvent> List<E> of(Class<E> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public synchronized void clear() {
        events.clear();
    }
}
