package org.webrtcscratch.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the PEM certificate and key files for a new certificate (a Let's Encrypt renewal): each
 * {@link #check()} reads both, and when their content differs from the last seen, parses them and hands the new
 * identity to every listener. New files that do not parse, or whose key is not the certificate's, are logged
 * once and the identity in use is kept; the next change is tried again. Reading the content rather than the
 * modification time catches a rename over the file (certbot's symlinks) as well as a write in place. Whoever
 * calls {@link #check()} decides how often: the watch holds no thread or clock.
 */
public final class PemWatch {

    private static final Logger LOG = LoggerFactory.getLogger(PemWatch.class);

    /** What one check found. */
    public enum Outcome { UNCHANGED, RELOADED, REJECTED }

    private final Path certFile;
    private final Path keyFile;
    private final List<Consumer<TlsIdentity>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder reloaded = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile TlsIdentity current;
    private byte[] lastSeen;

    /** @param current the identity read from the files at start */
    public PemWatch(Path certFile, Path keyFile, TlsIdentity current) throws IOException {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.current = current;
        this.lastSeen = digest(Files.readAllBytes(certFile), Files.readAllBytes(keyFile));
    }

    /** Told every new identity, on the thread that checked. */
    public void onReload(Consumer<TlsIdentity> listener) {
        listeners.add(listener);
    }

    /** Reads the files; a new, valid pair becomes the identity in use. */
    public synchronized Outcome check() {
        byte[] cert;
        byte[] key;
        try {
            cert = Files.readAllBytes(certFile);
            key = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            // Said once, like bad content: a file missing for good would otherwise be logged at every check.
            String why = "cannot read " + e.getMessage();
            return reject(digest(why.getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[0]), why);
        }
        byte[] seen = digest(cert, key);
        if (Arrays.equals(seen, lastSeen)) {
            return Outcome.UNCHANGED;
        }
        TlsIdentity identity;
        try {
            identity = PemFiles.parse(cert, key, certFile, keyFile);
        } catch (IOException | RuntimeException e) {
            return reject(seen, e.getMessage());
        }
        for (Consumer<TlsIdentity> listener : listeners) {
            try {
                listener.accept(identity);
            } catch (RuntimeException e) {
                LOG.warn("the new TLS certificate from {} could not be put in use ({}); the old one stays", certFile,
                        e.getMessage());
                rejected.increment();
                return Outcome.REJECTED;
            }
        }
        // Only now: a listener that failed gets the same files again at the next check.
        lastSeen = seen;
        current = identity;
        reloaded.increment();
        LOG.info("TLS certificate reloaded from {}: now SHA-256 {}, valid until {}", certFile, identity.fingerprint(),
                identity.chain().getFirst().getNotAfter().toInstant());
        return Outcome.RELOADED;
    }

    /** Keeps the identity in use and says why, once for each new content (or read failure). */
    private Outcome reject(byte[] seen, String why) {
        if (Arrays.equals(seen, lastSeen)) {
            return Outcome.UNCHANGED;
        }
        rejected.increment();
        lastSeen = seen;
        LOG.warn("TLS files {} and {} changed but cannot be used, keeping the certificate in use: {}", certFile,
                keyFile, why);
        return Outcome.REJECTED;
    }

    /** The identity in use. */
    public TlsIdentity current() {
        return current;
    }

    public long reloads() {
        return reloaded.sum();
    }

    public long rejections() {
        return rejected.sum();
    }

    private static byte[] digest(byte[] cert, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(cert);
            sha.update((byte) 0);
            sha.update(key);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
