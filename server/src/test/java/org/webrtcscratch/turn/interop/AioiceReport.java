package org.webrtcscratch.turn.interop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code key=value} lines printed by {@code interop/aioice_turn.py} (its docstring lists the keys). Lines
 * of any other shape (a Python traceback) are kept in the program's output but not here.
 *
 * @param values every value of every key, in the order printed
 */
record AioiceReport(Map<String, List<String>> values) {

    static AioiceReport parse(String output) {
        return new AioiceReport(output.lines()
                .filter(line -> line.matches("[a-z-]+=.*"))
                .collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf('=')),
                        Collectors.mapping(line -> line.substring(line.indexOf('=') + 1), Collectors.toList()))));
    }

    /** The first value printed for {@code key}. */
    Optional<String> first(String key) {
        return all(key).stream().findFirst();
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}
