package org.webrtcscratch.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The goals as bounds on measured medians (mostly ratios ours/anchor from one run), and whether this
 * run met them: printed under each benchmark's table, and with {@code --check} turned into the exit status, so
 * a quiet machine can gate a release on "still ahead".
 */
public final class Goals {

    /** One bound: {@code measured}'s median must be at least (or at most) {@code bound}. */
    public record Goal(String name, Spread measured, double bound, boolean atLeast) {

        /** Unmeasured (no sample) counts as missed: a gate must not pass on nothing. */
        public boolean met() {
            return measured.samples() > 0 && (atLeast ? measured.median() >= bound : measured.median() <= bound);
        }
    }

    private final List<Goal> goals = new ArrayList<>();

    public Goals atLeast(String name, Spread measured, double bound) {
        goals.add(new Goal(name, measured, bound, true));
        return this;
    }

    public Goals atMost(String name, Spread measured, double bound) {
        goals.add(new Goal(name, measured, bound, false));
        return this;
    }

    public List<Goal> all() {
        return List.copyOf(goals);
    }

    public boolean allMet() {
        return goals.stream().allMatch(Goal::met);
    }

    /** A Markdown table: goal, bound, median (range), met or not. */
    public String table() {
        MarkdownTable table = new MarkdownTable("goal", "bound", "this run: median (range)", "met");
        for (Goal goal : goals) {
            table.row(goal.name(), (goal.atLeast() ? "≥ " : "≤ ") + String.format("%.2f", goal.bound()),
                    goal.measured().format("%.2f"), goal.met() ? "yes" : "**no**");
        }
        return "Goals (see the table at the top):\n\n" + table;
    }
}
