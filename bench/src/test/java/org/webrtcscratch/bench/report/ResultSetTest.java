package org.webrtcscratch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSetTest {

    @Test
    void pairsRatiosByRound() {
        ResultSet results = new ResultSet();
        results.add("a", 1, 10, "rate", 100);
        results.add("b", 1, 10, "rate", 250);
        results.add("a", 2, 10, "rate", 50);
        results.add("b", 2, 10, "rate", 150);
        results.add("b", 3, 10, "rate", 999);

        Spread ratio = results.ratio("b", "a", 10, "rate");

        assertThat(ratio).isEqualTo(new Spread(2.75, 2.5, 3.0, 2));
        assertThat(results.spread("b", 10, "rate")).isEqualTo(new Spread(250, 150, 999, 3));
        assertThat(results.medians("a", "rate")).containsEntry(10.0, 75.0);
    }

    @Test
    void spreadFormatsMedianAndRange() {
        assertThat(Spread.of(List.of(3.0, 1.0, 2.0)).format("%.1f")).isEqualTo("2.0 (1.0–3.0)");
        assertThat(Spread.of(List.of(4.0)).format("%.0f")).isEqualTo("4");
        assertThat(Spread.of(List.of()).format("%.0f")).isEqualTo("–");
    }

    @Test
    void tableEscapesPipes() {
        String table = new MarkdownTable("x", "y").row("1", "a|b").toString();

        assertThat(table).isEqualTo("| x | y |\n| --- | --- |\n| 1 | a\\|b |\n");
    }

    @Test
    void replacesOnlyItsOwnSection() {
        String doc = "# B\n\nprose\n\n<!-- bench:one -->\nold\n<!-- /bench:one -->\n\nmore prose\n";

        String replaced = BenchDoc.replaceSection(doc, "one", "new");
        String appended = BenchDoc.replaceSection(replaced, "two", "second");

        assertThat(replaced).isEqualTo("# B\n\nprose\n\n<!-- bench:one -->\nnew\n<!-- /bench:one -->\n\nmore prose\n");
        assertThat(appended).endsWith("more prose\n\n<!-- bench:two -->\nsecond\n<!-- /bench:two -->\n");
    }
}
