package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.websocket.Outbound.Action.DROP_SILENT;
import static org.webrtcscratch.websocket.Outbound.Action.DROP_SLOW;
import static org.webrtcscratch.websocket.Outbound.Action.END;
import static org.webrtcscratch.websocket.Outbound.Action.EXPIRE;
import static org.webrtcscratch.websocket.Outbound.Action.NONE;
import static org.webrtcscratch.websocket.Outbound.Action.WRITE;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.websocket.Outbound.Action;

/** The sending side of a WebSocket on its own: every event with explicit times, no socket and no clock. */
class OutboundTest {

    private static final long SECOND = 1_000_000_000L;
    private static final int LIMIT = 100;
    private static final WebSocketSettings SETTINGS =
            new WebSocketSettings(4096, Duration.ofSeconds(15), Duration.ofSeconds(45), LIMIT);
    /** Any start will do: System.nanoTime() may be negative. */
    private static final long T0 = -7 * SECOND;

    private final Outbound out = new Outbound(SETTINGS, T0);

    @Test
    void aFrameIsWrittenAtOnceWhenNothingIsInFlight() {
        ByteBuffer frame = text("a", 1);
        assertThat(written(out.send(frame, T0))).containsExactly(frame);
        assertThat(out.takeWrite()).isNull();
        assertThat(out.written()).isEqualTo(NONE);
        ByteBuffer next = text("b", 1);
        assertThat(written(out.send(next, T0))).containsExactly(next);
    }

    @Test
    void whenDrainedRunsAtOnceWhenIdleElseAfterTheLastWriteAndNeverOnceClosing() {
        Runnable then = () -> { };
        assertThat(out.whenDrained(then)).isSameAs(then);
        written(out.send(text("a", 1), T0));
        assertThat(out.whenDrained(then)).isNull();
        out.send(text("b", 1), T0);
        assertThat(written(out.written())).hasSize(1); // b goes out: not drained yet
        assertThat(out.takeDrained()).isNull();
        assertThat(out.written()).isEqualTo(NONE);
        assertThat(out.takeDrained()).isSameAs(then);
        assertThat(out.takeDrained()).isNull();

        written(out.send(text("c", 1), T0));
        out.whenDrained(then);
        out.close(1000, "bye");
        assertThat(out.whenDrained(then)).isNull();
        assertThat(written(out.written())).hasSize(1); // the close frame
        assertThat(out.written()).isEqualTo(NONE);
        assertThat(out.takeDrained()).as("not after our close frame: nothing more will be sent").isNull();
    }

    @Test
    void framesSentDuringAWriteGoOutTogetherInTheNextWrite() {
        ByteBuffer a = text("a", 1);
        ByteBuffer b = text("b", 1);
        ByteBuffer c = text("c", 1);
        written(out.send(a, T0));
        assertThat(out.send(b, T0)).isEqualTo(NONE);
        assertThat(out.send(c, T0)).isEqualTo(NONE);
        assertThat(out.takeWrite()).isNull();
        assertThat(written(out.written())).containsExactly(b, c);
        assertThat(out.written()).isEqualTo(NONE);
    }

    @Test
    void aReaderThatLetsMoreThanTheLimitPileUpIsDropped() {
        written(out.send(text("in flight", 50), T0));
        assertThat(out.send(text("a", 60 - 2), T0)).isEqualTo(NONE); // 2 header bytes: 60 waiting
        assertThat(out.send(text("b", 40 - 2), T0)).isEqualTo(NONE); // 100: the limit itself is allowed
        assertThat(out.send(text("c", 1), T0)).isEqualTo(DROP_SLOW);
        assertThat(out.takeWrite()).isNull();
        assertThat(out.written()).isEqualTo(NONE); // nothing of the queue goes out after the drop
        assertThat(out.send(text("d", 1), T0)).isEqualTo(NONE);
        assertThat(out.closed()).isEqualTo(CloseCodes.ABNORMAL);
    }

    @Test
    void theLimitCountsWhatWaitsNotWhatIsInFlight() {
        written(out.send(text("in flight", 1), T0));
        out.send(text("a", 90), T0);
        assertThat(written(out.written())).hasSize(1); // the 92 bytes are now in flight
        assertThat(out.send(text("b", 90), T0)).isEqualTo(NONE);
        assertThat(written(out.written())).hasSize(1);
    }

    @Test
    void aCloseFrameIsQueuedEvenPastTheLimit() {
        written(out.send(text("in flight", 1), T0));
        ByteBuffer full = text("a", LIMIT - 2);
        out.send(full, T0);
        assertThat(out.close(4000, "bye")).isEqualTo(NONE);
        ByteBuffer[] next = written(out.written());
        assertThat(next).hasSize(2).startsWith(full);
        assertThat(closeCode(next[1])).isEqualTo(4000);
    }

    @Test
    void ourCloseWaitsForThePeersAnswerThenEnds() {
        ByteBuffer[] close = written(out.close(4000, "asked to"));
        assertThat(close).hasSize(1);
        assertThat(closeCode(close[0])).isEqualTo(4000);
        assertThat(reason(close[0])).isEqualTo("asked to");
        assertThat(out.written()).isEqualTo(NONE); // the TCP connection stays up for the peer's close frame
        assertThat(out.closeReceived(1000)).isEqualTo(END);
        assertThat(out.closed()).isEqualTo(4000); // the first close frame's code
    }

    @Test
    void nothingGoesOutAfterOurCloseFrame() {
        ByteBuffer a = text("a", 1);
        written(out.send(a, T0));
        assertThat(out.close(4000, "")).isEqualTo(NONE);
        assertThat(out.send(text("late", 1), T0)).isEqualTo(NONE);
        assertThat(out.close(4001, "again")).isEqualTo(NONE);
        ByteBuffer[] next = written(out.written());
        assertThat(next).hasSize(1);
        assertThat(closeCode(next[0])).isEqualTo(4000);
        assertThat(out.written()).isEqualTo(NONE);
        assertThat(out.send(text("later", 1), T0)).isEqualTo(NONE);
        assertThat(out.takeWrite()).isNull();
    }

    @Test
    void thePeersCloseIsAnsweredWithItsCodeThenTheConnectionEnds() {
        ByteBuffer[] answer = written(out.closeReceived(1001));
        assertThat(answer).hasSize(1);
        assertThat(bytes(answer[0])).containsExactly(0x88, 0x02, 0x03, 0xE9);
        assertThat(out.send(text("late", 1), T0)).isEqualTo(NONE);
        assertThat(out.written()).isEqualTo(END);
        assertThat(out.closed()).isEqualTo(1001);
    }

    @Test
    void aCloseWithoutACodeIsAnsweredWithoutOne() {
        ByteBuffer[] answer = written(out.closeReceived(CloseCodes.NO_STATUS));
        assertThat(bytes(answer[0])).containsExactly(0x88, 0x00);
        assertThat(out.written()).isEqualTo(END);
        assertThat(out.closed()).isEqualTo(CloseCodes.NO_STATUS);
    }

    @Test
    void thePeersCloseDuringAWriteIsAnsweredAfterWhatWasQueued() {
        written(out.send(text("in flight", 1), T0));
        ByteBuffer queued = text("queued", 1);
        out.send(queued, T0);
        assertThat(out.closeReceived(1000)).isEqualTo(NONE);
        ByteBuffer[] next = written(out.written());
        assertThat(next).hasSize(2).startsWith(queued);
        assertThat(closeCode(next[1])).isEqualTo(1000);
        assertThat(out.written()).isEqualTo(END);
    }

    @Test
    void thePeersAnswerToOurCloseEndsAtOnceWhenNothingIsInFlight() {
        written(out.close(4000, ""));
        out.written();
        assertThat(out.closeReceived(4000)).isEqualTo(END);
    }

    @Test
    void thePeersAnswerToOurCloseEndsAfterTheWriteInFlight() {
        written(out.close(4000, ""));
        assertThat(out.closeReceived(1000)).isEqualTo(NONE); // no second close frame
        assertThat(out.takeWrite()).isNull();
        assertThat(out.written()).isEqualTo(END);
        assertThat(out.closed()).isEqualTo(4000);
    }

    @Test
    void aFailureSaysWhyThenEnds() {
        ByteBuffer[] close = written(out.fail(CloseCodes.PROTOCOL_ERROR, "frames from a client must be masked"));
        assertThat(closeCode(close[0])).isEqualTo(1002);
        assertThat(reason(close[0])).isEqualTo("frames from a client must be masked");
        assertThat(out.closing()).isTrue();
        assertThat(out.written()).isEqualTo(END);
        assertThat(out.closed()).isEqualTo(1002);
    }

    @Test
    void aFailureAfterOurCloseEndsWithoutASecondCloseFrame() {
        written(out.close(4000, ""));
        out.written();
        assertThat(out.fail(CloseCodes.PROTOCOL_ERROR, "unmasked")).isEqualTo(END);
        assertThat(out.takeWrite()).isNull();
        assertThat(out.closed()).isEqualTo(4000);
    }

    @Test
    void anUnansweredCloseExpiresOnTheIdleTimer() {
        written(out.close(4000, ""));
        out.written();
        assertThat(out.idleExpired(T0 + 15 * SECOND)).isEqualTo(EXPIRE);
        assertThat(out.closeReceived(1000)).isEqualTo(NONE); // too late: it is ending
        assertThat(out.closed()).isEqualTo(4000);
    }

    @Test
    void aConnectionThatEndsWithoutACloseFrameReportsAbnormal() {
        written(out.send(text("a", 1), T0));
        assertThat(out.closed()).isEqualTo(CloseCodes.ABNORMAL);
    }

    @Test
    void nothingHappensOnceTheConnectionIsClosed() {
        written(out.send(text("a", 1), T0));
        out.send(text("b", 1), T0);
        out.closed();
        assertThat(out.written()).isEqualTo(NONE);
        assertThat(out.send(text("c", 1), T0)).isEqualTo(NONE);
        assertThat(out.close(4000, "")).isEqualTo(NONE);
        assertThat(out.closeReceived(1000)).isEqualTo(NONE);
        assertThat(out.send(text("d", 1), T0 + 100 * SECOND)).isEqualTo(NONE);
        assertThat(out.takeWrite()).isNull();
        assertThat(out.closing()).isTrue();
    }

    @Test
    void aFailedWriteEndsTheOutput() {
        written(out.send(text("a", 1), T0));
        out.send(text("b", 1), T0);
        out.writeFailed();
        assertThat(out.send(text("c", 1), T0)).isEqualTo(NONE);
        assertThat(out.written()).isEqualTo(NONE);
        assertThat(out.closed()).isEqualTo(CloseCodes.ABNORMAL);
    }

    @Test
    void closingStartsWithEitherCloseFrame() {
        assertThat(out.closing()).isFalse();
        Outbound ours = new Outbound(SETTINGS, T0);
        ours.close(1000, "");
        assertThat(ours.closing()).isTrue();
        Outbound theirs = new Outbound(SETTINGS, T0);
        theirs.closeReceived(1000);
        assertThat(theirs.closing()).isTrue();
    }

    @Test
    void noPingWithinThePingInterval() {
        long justBefore = T0 + 15 * SECOND - 1;
        ByteBuffer frame = text("a", 1);
        assertThat(written(out.send(frame, justBefore))).containsExactly(frame);
        assertThat(out.written()).isEqualTo(NONE);
        assertThat(out.idleExpired(justBefore)).isEqualTo(NONE);
    }

    @Test
    void aSendAfterThePingIntervalPingsFirstAndOnlyOnceUntilHeard() {
        long silent = T0 + 15 * SECOND;
        ByteBuffer a = text("a", 1);
        ByteBuffer[] first = written(out.send(a, silent));
        assertThat(first).hasSize(1);
        assertThat(isPing(first[0])).isTrue();
        assertThat(written(out.written())).containsExactly(a); // the frame waited behind the ping
        out.written();
        ByteBuffer b = text("b", 1);
        assertThat(written(out.send(b, silent + 10 * SECOND))).containsExactly(b); // pinged already
        out.written();
        assertThat(out.idleExpired(silent + 20 * SECOND)).isEqualTo(NONE);
    }

    @Test
    void aPeerHeardAgainIsPingedAgainAfterItsNextSilence() {
        written(out.idleExpired(T0 + 15 * SECOND));
        out.written();
        out.heard(T0 + 20 * SECOND);
        assertThat(out.idleExpired(T0 + 35 * SECOND - 1)).isEqualTo(NONE);
        ByteBuffer[] ping = written(out.idleExpired(T0 + 35 * SECOND));
        assertThat(isPing(ping[0])).isTrue();
    }

    @Test
    void theIdleTimerPingsOnceThenDropsAfterTheIdleTimeout() {
        ByteBuffer[] ping = written(out.idleExpired(T0 + 15 * SECOND));
        assertThat(ping).hasSize(1);
        assertThat(isPing(ping[0])).isTrue();
        out.written();
        assertThat(out.idleExpired(T0 + 30 * SECOND)).isEqualTo(NONE);
        assertThat(out.idleExpired(T0 + 45 * SECOND - 1)).isEqualTo(NONE);
        assertThat(out.idleExpired(T0 + 45 * SECOND)).isEqualTo(DROP_SILENT);
        assertThat(out.closing()).isTrue();
        assertThat(out.closed()).isEqualTo(CloseCodes.ABNORMAL);
    }

    @Test
    void aSilentPeerIsDroppedOnTimeWhileWeKeepSendingToIt() {
        for (long t = T0; t < T0 + 45 * SECOND; t += SECOND) {
            Action action = out.send(text("relay", 1), t);
            while (action == WRITE) { // the peer's TCP stack takes everything, the peer says nothing
                out.takeWrite();
                action = out.written();
            }
            assertThat(action).isEqualTo(NONE);
        }
        assertThat(out.send(text("relay", 1), T0 + 45 * SECOND)).isEqualTo(DROP_SILENT);
        assertThat(out.takeWrite()).isNull();
    }

    @Test
    void aSilentPeerIsDroppedEvenWhileClosing() {
        written(out.close(4000, ""));
        out.written();
        assertThat(out.send(text("late", 1), T0 + 44 * SECOND)).isEqualTo(NONE);
        assertThat(out.send(text("late", 1), T0 + 45 * SECOND)).isEqualTo(DROP_SILENT);
    }

    @Test
    void aPingDuringAWriteIsQueuedAndCountsTowardsTheLimit() {
        written(out.send(text("in flight", 1), T0));
        out.send(text("a", LIMIT - 2 - 1), T0); // one byte short of the limit
        assertThat(out.idleExpired(T0 + 15 * SECOND)).isEqualTo(DROP_SLOW); // the 2-byte ping tips it over
    }

    @Test
    void aQueuedPingGoesOutWithTheNextWrite() {
        written(out.send(text("in flight", 1), T0));
        assertThat(out.idleExpired(T0 + 15 * SECOND)).isEqualTo(NONE);
        ByteBuffer[] next = written(out.written());
        assertThat(next).hasSize(1);
        assertThat(isPing(next[0])).isTrue();
    }

    @Test
    void timesAreComparedByTheirDifferenceSoTheClockMayWrap() {
        long start = Long.MAX_VALUE - 5 * SECOND;
        Outbound wrapping = new Outbound(SETTINGS, start);
        long later = start + 15 * SECOND; // overflows to a negative value
        assertThat(later).isNegative();
        ByteBuffer[] ping = written(wrapping, wrapping.idleExpired(later));
        assertThat(isPing(ping[0])).isTrue();
        wrapping.written();
        assertThat(wrapping.idleExpired(later + 10 * SECOND)).isEqualTo(NONE);
        assertThat(wrapping.idleExpired(start + 45 * SECOND)).isEqualTo(DROP_SILENT);
    }

    private ByteBuffer[] written(Action action) {
        return written(out, action);
    }

    /** The buffers of a write that {@code action} must be. */
    private static ByteBuffer[] written(Outbound outbound, Action action) {
        assertThat(action).isEqualTo(WRITE);
        ByteBuffer[] write = outbound.takeWrite();
        assertThat(write).isNotEmpty();
        return write;
    }

    /** A text frame of {@code size + 2} bytes ({@code name} padded to {@code size}), distinct by its name. */
    private static ByteBuffer text(String name, int size) {
        return FrameEncoder.text(name + "x".repeat(Math.max(0, size - name.length())));
    }

    private static boolean isPing(ByteBuffer frame) {
        return frame.get(frame.position()) == (byte) 0x89;
    }

    private static int closeCode(ByteBuffer frame) {
        assertThat(frame.get(frame.position()) & 0xFF).isEqualTo(0x88);
        return frame.getShort(frame.position() + 2) & 0xFFFF;
    }

    private static String reason(ByteBuffer frame) {
        byte[] all = new byte[frame.remaining()];
        frame.duplicate().get(all);
        return new String(all, 4, all.length - 4, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int[] bytes(ByteBuffer frame) {
        ByteBuffer copy = frame.duplicate();
        int[] bytes = new int[copy.remaining()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = copy.get() & 0xFF;
        }
        return bytes;
    }
}
