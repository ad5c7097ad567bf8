package org.webrtcscratch.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's {@code web/} folder, for tests that serve it with its {@code test/} part. */
final class WebFolder {

    private WebFolder() {
    }

    /** Found from the server module (Maven) or the repository root (IDE). */
    static Path find() {
        for (Path candidate : List.of(Path.of("..", "web"), Path.of("web"))) {
            if (Files.isRegularFile(candidate.resolve("test/index.html"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("web/test/index.html not found from " + Path.of("").toAbsolutePath());
    }
}
