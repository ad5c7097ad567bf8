package org.webrtcscratch.signaling;

import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one sink signaling tells what happened ({@link SignalingEvent}). Subscribers are called on the signaling
 * threads, some of them under a room's lock, in the order things happened: they must be quick and never block.
 */
@FunctionalInterface
public interface SignalingEvents {

    /** No subscriber: relays cost nothing either. */
    SignalingEvents NONE = new SignalingEvents() {
        @Override
        public void on(SignalingEvent event) {
        }

        @Override
        public void relayed(String room, String from, String to, InstantSource time) {
        }
    };

    void on(SignalingEvent event);

    /**
     * A relayed signal, the one event on the hot path (tens of thousands a second). The default makes the
     * {@link SignalingEvent.Relayed} record; a subscriber that only counts overrides this to allocate nothing.
     */
    default void relayed(String room, String from, String to, InstantSource time) {
        on(new SignalingEvent.Relayed(time.instant(), room, from, to));
    }

    /** Tells every subscriber, in the order given. */
    static SignalingEvents of(SignalingEvents... subscribers) {
        List<SignalingEvents> all = Stream.of(subscribers).filter(s -> s != NONE).toList();
        if (all.size() == 1) {
            return all.getFirst();
        }
        return new SignalingEvents() {
            @Override
            public void on(SignalingEvent event) {
                for (SignalingEvents subscriber : all) {
                    subscriber.on(event);
                }
            }

            @Override
            public void relayed(String room, String from, String to, InstantSource time) {
                for (SignalingEvents subscriber : all) {
                    subscriber.relayed(room, from, to, time);
                }
            }
        };
    }
}
