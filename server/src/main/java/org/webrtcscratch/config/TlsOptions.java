package org.webrtcscratch.config;

import java.nio.file.Path;

/**
 * How the HTTP server is secured. Browsers allow camera and microphone only on secure pages (or localhost),
 * so a call between machines needs one of the TLS modes.
 *
 * @param mode     off, a self-signed certificate made and kept in {@code stateDir}, or PEM files
 * @param certFile PEM certificate chain (mode PEM)
 * @param keyFile  PEM private key, PKCS#8 or PKCS#1 (mode PEM)
 * @param stateDir where the self-signed certificate is kept between runs
 */
public record TlsOptions(Mode mode, Path certFile, Path keyFile, Path stateDir) {

    public enum Mode { OFF, SELF_SIGNED, PEM }

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
        return this;
    }
}
