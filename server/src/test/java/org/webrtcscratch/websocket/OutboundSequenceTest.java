package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.websocket.Outbound.Action;

/**
 * Seeded random sequences of events against {@link Outbound}, played by a model of the shell (one write in flight,
 * completed when the sequence says so), checking after every event what must hold in any order: one write at a
 * time, the data frames on the wire are the ones sent while open, in order, none lost or repeated, nothing after
 * the close frame or the end, the queue within its limit, one ping per silence, a silent peer dropped on time.
 * A failure names the seed and the last events.
 */
class OutboundSequenceTest {

    private static final long TICK = 1_000_000L;
    private static final long PING_INTERVAL = 10 * TICK;
    private static final long IDLE_TIMEOUT = 30 * TICK;
    private static final int SEEDS = 1000;
    private static final int EVENTS = 400;

    @Test
    void everySequenceKeepsTheInvariants() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            new Run(seed).play();
        }
    }

    private static final class Run {

        private final long seed;
        private final Random random;
        private final long limit;
        private final double heardChance;
        private final double closeChance;
        /** How often the peer's TCP stack takes the write in flight: a slow reader lets the queue grow. */
        private final double writeSpeed;
        private final Outbound out;
        private final ArrayDeque<String> log = new ArrayDeque<>();

        private long now;
        private long heardAt;
        private long pingedAt;
        private int pingsDue;
        private int pingsOnWire;
        private ByteBuffer[] inFlight;
        /** Data bytes queued behind the write in flight. */
        private long waitingBytes;
        /** Silences begun since the write in flight, each of which may have queued a ping of 2 bytes. */
        private int silencesSinceWrite;
        private boolean closing;
        /** The peer's close frame came or the connection failed: it ends once what is in flight is written. */
        private boolean handshakeDone;
        private boolean ended;
        private int firstCloseCode;
        private final List<String> sentWhileOpen = new ArrayList<>();
        private int dataOnWire;
        private boolean closeOnWire;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.limit = 40 + random.nextInt(400);
            this.heardChance = 0.02 + random.nextDouble() * 0.3;
            this.closeChance = random.nextDouble() * 0.02;
            this.writeSpeed = 0.1 + random.nextDouble() * 0.6;
            this.now = random.nextBoolean() ? random.nextLong() : Long.MAX_VALUE - random.nextInt(1000) * TICK;
            this.heardAt = now;
            this.pingedAt = now - 1;
            this.out = new Outbound(new WebSocketSettings(4096, Duration.ofNanos(PING_INTERVAL),
                    Duration.ofNanos(IDLE_TIMEOUT), limit), now);
        }

        void play() {
            try {
                int afterEnd = 0;
                for (int i = 0; i < EVENTS && afterEnd < 20; i++) {
                    step();
                    afterEnd += ended ? 1 : 0;
                }
                finish();
            } catch (AssertionError failure) {
                throw new AssertionError("seed " + seed + " (queue limit " + limit + "), last events: "
                        + String.join(", ", log) + "\n" + failure.getMessage(), failure);
            }
        }

        private void step() {
            now += random.nextInt(4) * TICK + random.nextInt(2);
            if (random.nextDouble() < heardChance) {
                note("heard");
                out.heard(now);
                heardAt = now;
                silencesSinceWrite++;
                return;
            }
            if (random.nextDouble() < closeChance) {
                endOrClose();
                return;
            }
            double r = random.nextDouble();
            if (r < 0.05) {
                idleExpired();
            } else if (r < 0.05 + writeSpeed && inFlight != null) {
                complete();
            } else {
                send();
            }
        }

        private void endOrClose() {
            switch (random.nextInt(5)) {
                case 0 -> {
                    int code = 3000 + random.nextInt(2000);
                    note("close " + code);
                    startClosing(code);
                    handle(out.close(code, reason()), false);
                }
                case 1 -> {
                    int code = random.nextBoolean() ? 1000 : CloseCodes.NO_STATUS;
                    note("closeReceived " + code);
                    startClosing(code);
                    handshakeDone = true;
                    handle(out.closeReceived(code), false);
                }
                case 2 -> {
                    note("fail");
                    startClosing(CloseCodes.PROTOCOL_ERROR);
                    handshakeDone = true;
                    handle(out.fail(CloseCodes.PROTOCOL_ERROR, reason()), false);
                }
                case 3 -> {
                    if (inFlight != null) {
                        note("writeFailed");
                        out.writeFailed();
                        inFlight = null;
                        ended = true;
                    }
                }
                default -> closed();
            }
        }

        private void send() {
            int seq = sentWhileOpen.size();
            String payload = "#" + seq + "x".repeat(random.nextInt(60));
            ByteBuffer frame = FrameEncoder.text(payload);
            boolean open = !closing && !ended;
            if (open) {
                sentWhileOpen.add(payload);
            }
            note("send " + frame.remaining());
            boolean pingNow = expectPing();
            boolean writingBefore = inFlight != null;
            boolean endedBefore = ended;
            Action action = out.send(frame, now);
            ByteBuffer[] write = handle(action, false);
            if (!endedBefore && now - heardAt >= IDLE_TIMEOUT) {
                assertThat(action).as("a send to a peer silent too long").isEqualTo(Action.DROP_SILENT);
            }
            if (action == Action.DROP_SLOW) {
                assertThat(writingBefore || pingNow).as("dropped as slow with nothing in flight").isTrue();
                assertThat(waitingBytes + frame.remaining() + 2L * (silencesSinceWrite + 1))
                        .as("dropped for slowness within the limit").isGreaterThan(limit);
            }
            if (!open || action != Action.NONE && action != Action.WRITE) {
                if (open) {
                    sentWhileOpen.removeLast(); // it ended the connection instead
                }
                return;
            }
            if (writingBefore) {
                assertThat(action).as("a send behind a write in flight is queued").isEqualTo(Action.NONE);
                waitingBytes += frame.remaining();
                assertThat(waitingBytes).as("queued past the limit").isLessThanOrEqualTo(limit);
            } else {
                assertThat(action).as("a send with nothing in flight is written").isEqualTo(Action.WRITE);
                assertThat(write).as("what a send writes at once").hasSize(1);
                assertThat(isPing(write[0])).as("a ping first").isEqualTo(pingNow);
                if (pingNow) {
                    waitingBytes += frame.remaining(); // the frame waits behind the ping
                }
            }
        }

        private void idleExpired() {
            note("idleExpired");
            boolean pingNow = expectPing();
            boolean writingBefore = inFlight != null;
            boolean wasClosing = closing || ended;
            Action action = out.idleExpired(now);
            ByteBuffer[] write = handle(action, true);
            if (wasClosing) {
                assertThat(action).as("an idle period while closing ends it").isEqualTo(Action.EXPIRE);
            } else if (now - heardAt >= IDLE_TIMEOUT) {
                assertThat(action).as("an idle check of a peer silent too long").isEqualTo(Action.DROP_SILENT);
            } else if (pingNow && !writingBefore) {
                assertThat(action).as("a due ping with nothing in flight").isEqualTo(Action.WRITE);
                assertThat(write).hasSize(1);
                assertThat(isPing(write[0])).isTrue();
            } else if (pingNow) {
                assertThat(action).as("a due ping behind a write").isIn(Action.NONE, Action.DROP_SLOW);
            } else {
                assertThat(action).as("an idle check with nothing due").isEqualTo(Action.NONE);
            }
        }

        /** Whether the coming send or idle check must ping: open, silent past the interval, not pinged since. */
        private boolean expectPing() {
            long silence = now - heardAt;
            if (closing || ended || silence < PING_INTERVAL || silence >= IDLE_TIMEOUT || pingedAt - heardAt >= 0) {
                return false;
            }
            pingedAt = now;
            pingsDue++;
            return true;
        }

        private void startClosing(int code) {
            if (!closing && !ended) {
                firstCloseCode = code;
                closing = true;
            }
        }

        private void complete() {
            note("written");
            for (ByteBuffer frame : inFlight) {
                onWire(frame);
            }
            inFlight = null;
            long queued = waitingBytes;
            Action action = out.written();
            ByteBuffer[] write = handle(action, false);
            long data = 0;
            if (action == Action.WRITE) {
                for (ByteBuffer frame : write) {
                    data += isData(frame) ? frame.remaining() : 0;
                }
            }
            if (!ended || action == Action.END) {
                assertThat(data).as("data bytes of the next write against those queued").isEqualTo(queued);
            }
            waitingBytes = 0; // the queue is in flight now, or was empty
            silencesSinceWrite = 0;
        }

        private void closed() {
            note("closed");
            boolean hadClose = firstCloseCode != 0;
            int code = out.closed();
            assertThat(code).as("the code for the listener").isEqualTo(hadClose ? firstCloseCode : CloseCodes.ABNORMAL);
            inFlight = null;
            ended = true;
        }

        /** Checks an action against the model and plays it; returns the buffers of a write. */
        private ByteBuffer[] handle(Action action, boolean idleEvent) {
            ByteBuffer[] write = out.takeWrite();
            assertThat(write != null).as("buffers exactly with a write, %s", action).isEqualTo(action == Action.WRITE);
            if (ended) {
                assertThat(action).as("after the end").isIn(Action.NONE, idleEvent ? Action.EXPIRE : Action.NONE);
                return write;
            }
            boolean silentTooLong = now - heardAt >= IDLE_TIMEOUT;
            switch (action) {
                case NONE -> { }
                case WRITE -> {
                    assertThat(inFlight).as("a second write in flight").isNull();
                    assertThat(write).isNotEmpty();
                    inFlight = write;
                }
                case END -> {
                    assertThat(inFlight).as("ending with a write in flight").isNull();
                    assertThat(closeOnWire).as("ending before the close frame is out").isTrue();
                    assertThat(dataOnWire).as("data frames lost by the close").isEqualTo(sentWhileOpen.size());
                }
                case DROP_SILENT -> assertThat(silentTooLong).as("dropped as silent").isTrue();
                case DROP_SLOW -> assertThat(closing).as("dropped as slow while closing").isFalse();
                case EXPIRE -> assertThat(idleEvent && closing).as("expired").isTrue();
            }
            if (action != Action.NONE && action != Action.WRITE) {
                ended = true;
            }
            assertThat(handshakeDone && !ended && inFlight == null)
                    .as("the closing handshake is done and everything written, yet the connection goes on").isFalse();
            return write;
        }

        /** A close frame's reason, up to the 123 bytes that fit. */
        private String reason() {
            return "r".repeat(random.nextInt(124));
        }

        private void onWire(ByteBuffer frame) {
            assertThat(closeOnWire).as("a frame after the close frame").isFalse();
            byte[] bytes = new byte[frame.remaining()];
            frame.duplicate().get(bytes);
            switch (bytes[0] & 0xFF) {
                case 0x81 -> {
                    String payload = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8);
                    assertThat(dataOnWire).as("more data than was sent while open").isLessThan(sentWhileOpen.size());
                    assertThat(payload).as("data frame %d on the wire", dataOnWire)
                            .isEqualTo(sentWhileOpen.get(dataOnWire));
                    dataOnWire++;
                }
                case 0x89 -> {
                    pingsOnWire++;
                    assertThat(pingsOnWire).as("pings beyond one per silence").isLessThanOrEqualTo(pingsDue);
                }
                case 0x88 -> {
                    closeOnWire = true;
                    int code = bytes.length == 2 ? CloseCodes.NO_STATUS : ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
                    assertThat(code).as("the close frame's code").isEqualTo(firstCloseCode);
                }
                default -> throw new AssertionError("unexpected frame type " + Integer.toHexString(bytes[0]));
            }
        }

        /** Drains what is in flight, then checks that everything accepted went out. */
        private void finish() {
            while (inFlight != null && !ended) {
                complete();
            }
            if (!ended) {
                assertThat(dataOnWire).as("data frames on the wire once drained").isEqualTo(sentWhileOpen.size());
                assertThat(pingsOnWire).as("pings on the wire once drained").isEqualTo(pingsDue);
            }
            closed();
        }

        private void note(String event) {
            if (log.size() == 30) {
                log.removeFirst();
            }
            log.addLast(event + "@" + (now - heardAt) / TICK + "ms");
        }

        private static boolean isPing(ByteBuffer frame) {
            return (frame.get(frame.position()) & 0xFF) == 0x89;
        }

        private static boolean isData(ByteBuffer frame) {
            return (frame.get(frame.position()) & 0xFF) == 0x81;
        }
    }
}
