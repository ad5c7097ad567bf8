package org.webrtcscratch.signaling;

/**
 * How full a room is: {@code peers} of its {@code capacity} places taken (those away within their resume
 * window count, as they keep their place). Served at {@code /api/rooms/{room}} for a page waiting to join.
 */
public record RoomOccupancy(String room, int peers, int capacity) {

    public boolean full() {
        return peers >= capacity;
    }
}
