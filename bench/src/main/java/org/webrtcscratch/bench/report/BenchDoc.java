package org.webrtcscratch.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md: hand-written prose with one generated section per benchmark between
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}. A run replaces only its own section, and adds it
 * at the end when the document does not have it yet.
 */
public final class BenchDoc {

    private BenchDoc() { }

    public static void writeSection(Path doc, String name, String content) {
        try {
            String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
            Files.writeString(doc, replaceSection(text, name, content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + doc, e);
        }
    }

    static String replaceSection(String text, String name, String content) {
        String start = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String block = start + "\n" + content.strip() + "\n" + end;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            return text.substring(0, from) + block + text.substring(to + end.length());
        }
        return text.stripTrailing() + "\n\n" + block + "\n";
    }
}
