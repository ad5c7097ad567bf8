package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Display names show what they are (no invisible or bidi tricks) and are unique in a room. */
class DisplayNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Al\u200Bice",           // zero-width space (Cf)
        "\u2060Alice",           // word joiner
        "Alice\u00AD",           // soft hyphen
        "evil\u202Eeman",        // right-to-left override
        "\u2067Alice\u2069",     // right-to-left isolate
        "Alice\u200F",           // right-to-left mark
        "\uFEFFAlice",           // byte order mark
        "A\u0007",               // bell (Cc)
        "Ann\u2028Lee",          // line separator
        "\u200DAlice",           // a joiner that joins nothing
        "Alice \u200D",
        "\u0301\u0301",          // only combining marks
        "\u3164",                // Hangul filler: a letter that draws nothing
        "\u2800\u2800",          // blank Braille
        "\u00A0\u3000",          // only spaces
        "Z\u0300\u0301\u0302\u0303\u0304", // five marks stacked on one letter
    })
    void invisibleFormatBidiAndControlCharactersAreRefused(String name) {
        assertThatThrownBy(() -> Names.checkDisplayName(name)).isInstanceOfSatisfying(SignalingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë 👩‍💻", "مهرداد\u200Cی", "José María", "李小龍", "Ngũ", "👍🏽"})
    void realNamesPass(String name) {
        assertThat(Names.checkDisplayName(name)).isEqualTo(name);
    }

    @Test
    void namesAreKeptInNormalisationFormC() {
        assertThat(Names.checkDisplayName("Zoe\u0308")).isEqualTo("Zoë");
    }

    @Test
    void aNameTakenIgnoringCaseWidthAndJoinersGetsTheFirstFreeNumber() {
        Set<String> taken = Set.of(Names.comparisonKey("Alice"), Names.comparisonKey("alice (2)"));
        assertThat(Names.unique("ALICE", taken::contains)).isEqualTo("ALICE (3)");
        assertThat(Names.unique("Ａlice", taken::contains)).isEqualTo("Ａlice (3)");
        assertThat(Names.unique("Al\u200Cice", taken::contains)).isEqualTo("Al\u200Cice (3)");
        assertThat(Names.unique("Bob", taken::contains)).isEqualTo("Bob");
    }
}
