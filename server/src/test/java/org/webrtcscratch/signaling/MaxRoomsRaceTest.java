package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code --max-rooms} holds when many first joins of different rooms race (it once let 501 of 500 in). */
class MaxRoomsRaceTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 2_000;

    @Test
    void concurrentFirstJoinsNeverMakeMoreRoomsThanTheMaximum() throws Exception {
        int over = 0;
        for (int round = 0; round < ROUNDS; round++) {
            MemoryRooms rooms = new MemoryRooms(8, 1, (room, peerId) -> peerId + "-token");
            CyclicBarrier start = new CyclicBarrier(THREADS);
            AtomicInteger admitted = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String room = "room-" + i;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        rooms.join(room, "peer", Rooms.Admission.NONE, (peer, others, state) -> admitted.incrementAndGet());
                    } catch (SignalingException busy) {
                        assertThat(busy.code()).isEqualTo(ErrorCode.SERVER_BUSY);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (admitted.get() > 1 || rooms.roomCount() > 1) {
                over++;
            }
        }
        assertThat(over).as("rounds where more than the one allowed room was made").isZero();
    }
}
