package org.webrtcscratch.signaling;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The rooms of this process. A room exists while it has a peer: it is created by the first join and removed
 * with its last peer, atomically with respect to joins ({@link ConcurrentMap#compute}); a room's own lock
 * orders its arrivals and departures.
 */
public final class MemoryRooms implements Rooms {

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Peer> byResumeToken = new ConcurrentHashMap<>();
    /**
     * Rooms made, counted apart from the map: {@code rooms.size()} does not see another room's first join
     * that is still inside its own {@code compute}, so checking it let two racing joins make 501 of 500.
     */
    private final AtomicInteger roomsMade = new AtomicInteger();
    private final PeerIds ids = new PeerIds();
    private final int roomCapacity;
    private final int maxRooms;
    private final BiFunction<String, String, String> newResumeToken;

    /**
     * @param newResumeToken the resume token of a new peer, from its room and peer id
     */
    public MemoryRooms(int roomCapacity, int maxRooms, BiFunction<String, String, String> newResumeToken) {
        this.roomCapacity = roomCapacity;
        this.maxRooms = maxRooms;
        this.newResumeToken = newResumeToken;
    }

    @Override
    public Peer join(String roomName, String displayName, Admission admission, Arrival announce) {
        String peerId = ids.newPeerId();
        return admit(roomName, peerId, displayName, newResumeToken.apply(roomName, peerId), admission, announce);
    }

    @Override
    public Peer restore(String roomName, String peerId, String displayName, String resumeToken, RoomPassword password,
                        Arrival announce) {
        return admit(roomName, peerId, displayName, resumeToken, new Admission(null, password, true), announce);
    }

    /** Adds the peer unless its id is in the room already (then returns null). */
    private Peer admit(String roomName, String peerId, String displayName, String resumeToken, Admission admission,
                       Arrival announce) {
        Peer[] joined = new Peer[1];
        rooms.compute(roomName, (name, room) -> {
            if (room == null) {
                if (roomsMade.incrementAndGet() > maxRooms) {
                    roomsMade.decrementAndGet();
                    throw new SignalingException(ErrorCode.SERVER_BUSY,
                            "the server holds its maximum of " + maxRooms + " rooms");
                }
                room = new Room(admission.forNewRoom());
            } else if (room.member(peerId) != null) {
                return room;
            } else if (!admission.returning()) {
                checkEntry(room, admission);
            }
            // A new room's first peer always fits (capacity is at least 2), so a room counted is a room kept.
            int size = room.size();
            if (size >= roomCapacity) {
                throw new SignalingException(ErrorCode.ROOM_FULL,
                        "room '" + name + "' is full (" + size + " of " + roomCapacity + ")");
            }
            Peer peer = new Peer(peerId, room.uniqueName(displayName), name, resumeToken);
            // Counted and resumable before anyone hears of it: a client may act on its welcome at once.
            byResumeToken.put(peer.resumeToken(), peer);
            room.admit(peer, announce);
            joined[0] = peer;
            return room;
        });
        return joined[0];
    }

    /** Refuses a new peer the room's password or lock keeps out; the password is checked before the lock. */
    private static void checkEntry(Room room, Admission admission) {
        if (room.password() != null && room.password() != admission.verified()) {
            throw new SignalingException(ErrorCode.PASSWORD_REQUIRED, RoomAccess.PASSWORD_REQUIRED_MESSAGE);
        }
        if (room.locked()) {
            throw new SignalingException(ErrorCode.ROOM_LOCKED,
                    "the room is locked: nobody new may join until someone in it unlocks it");
        }
    }

    @Override
    public RoomPassword password(String roomName) {
        Room room = rooms.get(roomName);
        return room == null ? null : room.password();
    }

    @Override
    public void lock(Peer peer, boolean locked, BiConsumer<ServerMessage.RoomState, List<Peer>> announce) {
        Room room = rooms.get(peer.room());
        if (room == null) {
            throw new SignalingException(ErrorCode.NOT_JOINED, "not in a room; send join first");
        }
        room.lock(peer, locked, announce);
    }

    @Override
    public ServerMessage.RoomState state(Peer peer) {
        Room room = rooms.get(peer.room());
        return room == null ? new ServerMessage.RoomState(false, peer.peerId(), false) : room.state();
    }

    @Override
    public Peer resumable(String resumeToken, String roomName) {
        Peer peer = byResumeToken.get(resumeToken);
        return peer != null && peer.room().equals(roomName) ? peer : null;
    }

    @Override
    public Peer find(String roomName, String peerId) {
        Room room = rooms.get(roomName);
        return room == null ? null : room.member(peerId);
    }

    @Override
    public List<Peer> others(Peer peer) {
        Room room = rooms.get(peer.room());
        return room == null ? List.of() : room.others(peer);
    }

    @Override
    public void leave(Peer peer, BiConsumer<List<Peer>, ServerMessage.RoomState> announce) {
        rooms.computeIfPresent(peer.room(), (name, room) -> {
            room.remove(peer, (others, state) -> {
                byResumeToken.remove(peer.resumeToken(), peer);
                announce.accept(others, state);
            });
            if (room.isEmpty()) {
                roomsMade.decrementAndGet();
                return null;
            }
            return room;
        });
    }

    @Override
    public int roomCount() {
        return rooms.size();
    }

    @Override
    public int size(String roomName) {
        Room room = rooms.get(roomName);
        return room == null ? 0 : room.size();
    }

    @Override
    public int peerCount() {
        // Every peer in a room, away or not, is resumable by its token until it leaves.
        return byResumeToken.size();
    }
}
