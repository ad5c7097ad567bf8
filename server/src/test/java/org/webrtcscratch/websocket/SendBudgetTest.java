package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What waits behind a write in flight is drawn from the path's budget, per address and in total, and given back. */
class SendBudgetTest {

    private static final InetAddress ONE = address("192.0.2.1");
    private static final InetAddress TWO = address("192.0.2.2");

    private final SendBudget budget = new SendBudget(1000, 1500, false);
    private final WebSocketSettings settings = new WebSocketSettings(1 << 20, Duration.ofSeconds(15),
            Duration.ofSeconds(30), 1 << 20, budget);

    @Test
    void aQueueOverItsAddressBudgetIsDroppedAndTheOthersAreNot() {
        Outbound first = new Outbound(settings, budget.open(ONE), 0);
        Outbound second = new Outbound(settings, budget.open(ONE), 0);
        Outbound elsewhere = new Outbound(settings, budget.open(TWO), 0);
        for (Outbound out : new Outbound[] {first, second, elsewhere}) {
            assertThat(out.send(frame(10), 0)).isEqualTo(Outbound.Action.WRITE); // in flight: not counted
        }
        assertThat(first.send(frame(600), 0)).isEqualTo(Outbound.Action.NONE);
        assertThat(second.send(frame(600), 0)).as("address ONE over 1000").isEqualTo(Outbound.Action.DROP_OVER_BUDGET);
        assertThat(budget.queuedBytes()).as("the dropped queue gave its bytes back").isEqualTo(600);
        assertThat(elsewhere.send(frame(800), 0)).isEqualTo(Outbound.Action.NONE);
        assertThat(elsewhere.send(frame(150), 0)).as("1400 + 150 over the total 1500")
                .isEqualTo(Outbound.Action.DROP_OVER_BUDGET);
        assertThat(budget.queuedBytesHighWater()).isLessThanOrEqualTo(1500);
    }

    @Test
    void bytesComeBackWhenTheirWriteCompletesOrTheSocketEnds() {
        Outbound out = new Outbound(settings, budget.open(ONE), 0);
        out.send(frame(10), 0);
        out.takeWrite();
        out.send(frame(500), 0);
        assertThat(budget.queuedBytes()).isEqualTo(500);
        assertThat(out.written()).isEqualTo(Outbound.Action.WRITE);
        out.takeWrite();
        assertThat(budget.queuedBytes()).as("the batch in flight still holds its bytes").isEqualTo(500);
        out.written();
        assertThat(budget.queuedBytes()).isZero();
        out.send(frame(10), 0);
        out.send(frame(300), 0);
        out.closed();
        out.closed();
        assertThat(budget.queuedBytes()).isZero();
    }

    private static ByteBuffer frame(int size) {
        return ByteBuffer.allocate(size);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
