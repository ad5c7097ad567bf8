package org.webrtcscratch.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Content-Security-Policy of the web app: scripts only from this server, and the few inline scripts its
 * pages carry (the call page opens its socket before any module loads) allowed by their SHA-256 rather than
 * by {@code 'unsafe-inline'}, so an injected script never runs. The hashes are read from the pages themselves,
 * so a page edited or added keeps working without a list to keep in step.
 */
final class ContentSecurityPolicy {

    /** An inline script: a script element without {@code src}, and its text exactly as the browser hashes it. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script\\b(?![^>]*\\bsrc\\s*=)[^>]*>(.*?)</script\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private ContentSecurityPolicy() {
    }

    /** The policy for the pages under {@code webRoot} (every {@code .html} file, at any depth). */
    static String forPages(Path webRoot) {
        TreeSet<String> hashes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(webRoot)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                hashes.addAll(inlineScriptHashes(Files.readString(page, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web app's pages in " + webRoot, e);
        }
        return policy(List.copyOf(hashes));
    }

    /** {@code 'sha256-…'} of each inline script of {@code html}. */
    static List<String> inlineScriptHashes(String html) {
        Matcher matcher = INLINE_SCRIPT.matcher(html);
        List<String> hashes = new java.util.ArrayList<>();
        while (matcher.find()) {
            hashes.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(matcher.group(1))) + "'");
        }
        return hashes;
    }

    /**
     * Everything from this server (WebSockets to it included: CSP 3's {@code 'self'} covers ws: and wss: of the
     * same host); media and images also from blobs and data URLs (snapshots, file transfer, favicons); never
     * plugins, a foreign base URL or framing by another page (clickjacking).
     */
    static String policy(List<String> scriptHashes) {
        String scripts = scriptHashes.isEmpty() ? "'self'" : "'self' " + String.join(" ", scriptHashes);
        return "default-src 'self'; script-src " + scripts + "; style-src 'self'; img-src 'self' data: blob:;"
                + " media-src 'self' blob: mediastream:; connect-src 'self'; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
