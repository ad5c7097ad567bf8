package org.webrtcscratch.testing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.webrtcscratch.tls.TlsIdentity;

/** A TLS client context that trusts exactly one server's certificate, as a user who accepted it would. */
public final class Trusting {

    private Trusting() {
    }

    public static SSLContext only(TlsIdentity identity) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", identity.chain().getFirst());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trusting TLS context", e);
        }
    }
}
