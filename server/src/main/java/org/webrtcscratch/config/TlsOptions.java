package org.webrtcscratch.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the HTTP server is secured. Browsers allow camera and microphone only on secure pages (or localhost),
 * so a call between machines needs one of the TLS modes.
 *
 * @param mode     off, a self-signed certificate made and kept in {@code stateDir}, or PEM files
 * @param certFile PEM certificate chain (mode PEM)
 * @param keyFile  PEM private key, PKCS#8 or PKCS#1 (mode PEM)
 * @param stateDir where the self-signed certificate is kept between runs
 * @param reloadInterval how often the PEM files are read again for a renewed certificate (mode PEM); zero for
 *                 never
 */
public record TlsOptions(Mode mode, Path certFile, Path keyFile, Path stateDir, Duration reloadInterval) {

    public enum Mode { OFF, SELF_SIGNED, PEM }

    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofMinutes(1);

    /** With PEM files read again every {@link #DEFAULT_RELOAD_INTERVAL}. */
    public TlsOptions(Mode mode, Path certFile, Path keyFile, Path stateDir) {
        this(mode, certFile, keyFile, stateDir, DEFAULT_RELOAD_INTERVAL);
    }

    public TlsOptions withReloadInterval(Duration value) {
        return new TlsOptions(mode, certFile, keyFile, stateDir, value);
    }

    public static TlsOptions off() {
        return new TlsOptions(Mode.OFF, null, null, defaultStateDir());
    }

    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".webrtc-scratch");
    }


    public TlsOptions validate() {
        if (mode == Mode.PEM) {
            Checks.require(certFile != null && keyFile != null, "--tls-cert and --tls-key go together");
        }
        Checks.require(reloadInterval != null && !reloadInterval.isNegative(), "--tls-reload-interval must not be"
                + " negative");
        return this;
    }
}
