package org.webrtcscratch.signaling;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * All rooms of this server and the peers in them. A room exists while it has a peer: it is created by the
 * first join and removed with its last peer, atomically with respect to joins ({@link ConcurrentMap#compute}).
 */
final class RoomRegistry {

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Member> byResumeToken = new ConcurrentHashMap<>();
    private final AtomicInteger peerCount = new AtomicInteger();
    private final PeerIds ids = new PeerIds();
    private final int roomCapacity;
    private final int maxRooms;

    RoomRegistry(int roomCapacity, int maxRooms) {
        this.roomCapacity = roomCapacity;
        this.maxRooms = maxRooms;
    }

    /**
     * Adds a new peer to {@code roomName}, creating the room if needed, and hands it and the others to
     * {@code announce} atomically (see {@link Room#admit}).
     */
    Member join(String roomName, String displayName, Session session, BiConsumer<Member, List<Member>> announce) {
        Member[] joined = new Member[1];
        rooms.compute(roomName, (name, room) -> {
            if (room == null) {
                if (rooms.size() >= maxRooms) {
                    throw new SignalingException(ErrorCode.SERVER_BUSY,
                            "the server holds its maximum of " + maxRooms + " rooms");
                }
                room = new Room(name);
            }
            int size = room.size();
            if (size >= roomCapacity) {
                throw new SignalingException(ErrorCode.ROOM_FULL,
                        "room '" + name + "' is full (" + size + " of " + roomCapacity + ")");
            }
            Member member = new Member(ids.newPeerId(), displayName, ids.newResumeToken(), room, session);
            // Counted and resumable before anyone hears of it: a client may act on its welcome at once.
            byResumeToken.put(member.resumeToken, member);
            peerCount.incrementAndGet();
            room.admit(member, others -> announce.accept(member, others));
            joined[0] = member;
            return room;
        });
        return joined[0];
    }

    /** The peer that {@code resumeToken} belongs to, if it is still in {@code roomName}; else null. */
    Member findResumable(String resumeToken, String roomName) {
        Member member = byResumeToken.get(resumeToken);
        return member != null && member.room.name.equals(roomName) ? member : null;
    }

    /**
     * Removes the peer and hands those left to {@code announce} (see {@link Room#remove}); its room goes with
     * its last peer. Returns false if it had already gone.
     */
    boolean remove(Member member, Consumer<List<Member>> announce) {
        boolean[] removed = new boolean[1];
        rooms.computeIfPresent(member.room.name, (name, room) -> {
            if (room == member.room) {
                removed[0] = room.remove(member, others -> {
                    byResumeToken.remove(member.resumeToken, member);
                    peerCount.decrementAndGet();
                    announce.accept(others);
                });
            }
            return room.isEmpty() ? null : room;
        });
        return removed[0];
    }

    int roomCount() {
        return rooms.size();
    }

    int peerCount() {
        return peerCount.get();
    }
}
