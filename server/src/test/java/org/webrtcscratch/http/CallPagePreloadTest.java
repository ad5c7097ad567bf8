package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The call page names every module of its scripts' import graphs in a {@code modulepreload} link, so the
 * browser fetches them all at once instead of one import level per round trip; a module added to a graph
 * but not to the page would quietly bring the waterfall back. The scripts themselves need no link.
 */
class CallPagePreloadTest {

    private static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\"(?: async)? src=\"([^\"]+)\"");
    private static final Pattern PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\"");
    private static final Pattern STATIC_IMPORT = Pattern.compile("^import\\s[^;]*?from\\s+'([^']+)'",
            Pattern.MULTILINE);

    @Test
    void preloadsExactlyTheModulesTheCallPageImports() throws IOException {
        String page = webFile("/call.html");
        Set<String> entries = MODULE_SCRIPT.matcher(page).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(entries).as("module scripts in call.html").contains("/js/main.js", "/js/call-start.js");

        Set<String> preloaded = PRELOAD.matcher(page).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> imported = new TreeSet<>();
        for (String entry : entries) {
            imported.addAll(importsReachableFrom(entry));
        }
        imported.removeAll(entries);

        assertThat(imported).as("modules imported from %s", entries).hasSizeGreaterThan(5);
        assertThat(preloaded).as("modulepreload links of call.html").isEqualTo(imported);
    }

    /** Every module {@code entry} imports, directly or not, as absolute paths; not {@code entry} itself. */
    private static Set<String> importsReachableFrom(String entry) throws IOException {
        Set<String> seen = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(entry);
        while (!pending.isEmpty()) {
            String module = pending.poll();
            for (Matcher m = STATIC_IMPORT.matcher(webFile(module)); m.find(); ) {
                String target = resolve(module, m.group(1));
                if (!target.equals(entry) && seen.add(target)) pending.add(target);
            }
        }
        return seen;
    }

    /** {@code specifier} ('./x.js', '../x.js') relative to the absolute path {@code from}. */
    private static String resolve(String from, String specifier) {
        Deque<String> parts = new ArrayDeque<>(List.of(from.substring(1).split("/")));
        parts.removeLast();
        for (String part : specifier.split("/")) {
            switch (part) {
                case "." -> { }
                case ".." -> parts.removeLast();
                default -> parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static String webFile(String path) throws IOException {
        try (InputStream in = CallPagePreloadTest.class.getResourceAsStream("/web" + path)) {
            assertThat(in).as("web app file %s in the class path", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
