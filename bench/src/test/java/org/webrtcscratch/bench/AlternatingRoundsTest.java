package org.webrtcscratch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.bench.AlternatingRounds.Contender;

class AlternatingRoundsTest {

    @Test
    void everyOtherRoundRunsTheContendersInTheOtherOrder() {
        Contender a = new Contender("a", () -> null);
        Contender b = new Contender("b", () -> null);
        Contender c = new Contender("c", () -> null);
        List<Contender> given = List.of(a, b, c);

        assertThat(AlternatingRounds.inTurn(given, 1)).containsExactly(a, b, c);
        assertThat(AlternatingRounds.inTurn(given, 2)).containsExactly(c, b, a);
        assertThat(AlternatingRounds.inTurn(given, 3)).containsExactly(a, b, c);
    }
}
