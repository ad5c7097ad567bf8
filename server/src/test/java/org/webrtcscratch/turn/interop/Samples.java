package org.webrtcscratch.turn.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Output captured from the real third-party clients, kept under test resources {@code interop/samples/}. */
final class Samples {

    private Samples() {
    }

    static String read(String name) {
        String resource = "/interop/samples/" + name;
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
