package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What becomes of a signal for a peer that is away: held within the held messages' budget, else dropped. */
class MailboxesTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void aSignalForAnAwayPeerIsHeldUntilTheBudgetIsSpentThenDroppedAndCounted() {
        HeldBacklog budget = HeldBacklog.bounded(10);
        Mailboxes mailboxes = new Mailboxes(budget);
        Peer bob = new Peer("bob", "Bob", "room", "token");
        Session session = new Session("test", new FakeConnection(),
                new RateGuard(50, 200, Duration.ofSeconds(5), clock::nanoTime));
        mailboxes.open(bob, session);
        assertThat(mailboxes.send("bob", "{}")).isEqualTo(Delivery.Outcome.SENT);

        mailboxes.away(bob, session, () -> () -> { });
        assertThat(mailboxes.send("bob", "[1,2,3,4]")).isEqualTo(Delivery.Outcome.HELD);
        assertThat(mailboxes.send("bob", "[1,2,3,4]")).as("over the 10 bytes").isEqualTo(Delivery.Outcome.DROPPED);
        assertThat(budget.dropped()).isEqualTo(1);
        assertThat(mailboxes.send("nobody", "{}")).isEqualTo(Delivery.Outcome.GONE);
    }
}
