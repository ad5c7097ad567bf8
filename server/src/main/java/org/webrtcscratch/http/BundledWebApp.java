package org.webrtcscratch.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The web app inside the jar (or the build's class folder), read as files. */
final class BundledWebApp {

    private BundledWebApp() {
    }

    /** The policy of the pages under the class-path folder {@code resources}; with no web app, no inline script. */
    static String contentSecurityPolicy(String resources) {
        URL root = BundledWebApp.class.getResource(resources);
        if (root == null) {
            return ContentSecurityPolicy.policy(List.of());
        }
        try {
            URI uri = root.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return ContentSecurityPolicy.forPages(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return ContentSecurityPolicy.forPages(jar.getPath(resources));
            } catch (FileSystemAlreadyExistsException openElsewhere) {
                return ContentSecurityPolicy.forPages(FileSystems.getFileSystem(uri).getPath(resources));
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException("cannot read the web app in the jar", e instanceof IOException io
                    ? io : new IOException(e));
        }
    }
}
