package org.webrtcscratch.bench;

import java.util.List;
import java.util.function.Supplier;
import org.webrtcscratch.bench.process.ServerProcess;

/**
 * Runs the anchor and ours in turns (A B, B A, A B …), each turn on a freshly started server, so slow drifts of a
 * shared machine hit both alike and every round gives one paired ratio. Stops early, between rounds, when
 * the deadline would not fit another round as long as the longest one so far.
 */
public final class AlternatingRounds {

    /** A server to compare: its name in the tables and how to start it (null: a contender without a server). */
    public record Contender(String name, Supplier<ServerProcess> start) { }

    /** One turn of one contender: measure {@code server} and record the results under {@code round}. */
    public interface Turn {
        void run(Contender contender, ServerProcess server, int round) throws Exception;
    }

    /** Before each turn, wait up to this long for the machine to be this idle (see {@link QuietGate}). */
    private static final double QUIET_IDLE = 0.85;
    private static final java.time.Duration QUIET_PATIENCE = java.time.Duration.ofSeconds(45);

    private AlternatingRounds() { }

    /** Returns the number of complete rounds. */
    public static int run(List<Contender> contenders, int rounds, Deadline deadline, Turn turn) throws Exception {
        long longestRound = 0;
        int completed = 0;
        for (int round = 1; round <= rounds; round++) {
            if (round > 1 && deadline.remaining().toNanos() < longestRound * 11 / 10) {
                System.out.printf("stopping after %d rounds: the time budget would not fit another%n", completed);
                break;
            }
            long roundStart = System.nanoTime();
            for (Contender contender : inTurn(contenders, round)) {
                if (deadline.passed()) {
                    System.out.printf("time budget used up in round %d (%s not run)%n", round, contender.name());
                    return completed;
                }
                double idle = QuietGate.await(QUIET_IDLE, QUIET_PATIENCE);
                System.out.printf("round %d/%d: %s (machine %.0f%% idle before it)%n", round, rounds, contender.name(),
                        idle * 100);
                try (ServerProcess server = contender.start().get()) {
                    turn.run(contender, server, round);
                    if (server != null && !server.isAlive()) {
                        System.out.printf("  %s died during the round; its log ends with:%n%s%n", contender.name(),
                                server.logTail());
                    }
                }
            }
            completed++;
            longestRound = Math.max(longestRound, System.nanoTime() - roundStart);
        }
        return completed;
    }

    /**
     * The contenders in the order of round {@code round}: as given in odd rounds, reversed in even ones
     * (A B, B A, A B …), so that a drift of the machine over a round favours neither the first nor the last.
     */
    static List<Contender> inTurn(List<Contender> contenders, int round) {
        return round % 2 == 1 ? contenders : contenders.reversed();
    }
}
