package org.webrtcscratch.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemWriter;

/** Reads and writes PEM: certificate chains, and private keys in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form. */
public final class PemFiles {

    private PemFiles() {
    }

    public static TlsIdentity read(Path certFile, Path keyFile) throws IOException {
        return new TlsIdentity(readKey(keyFile), readChain(certFile));
    }

    public static List<X509Certificate> readChain(Path certFile) throws IOException {
        try (InputStream in = Files.newInputStream(certFile)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IOException(certFile + " holds no PEM certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new IOException(certFile + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    public static PrivateKey readKey(Path keyFile) throws IOException {
        try (Reader reader = Files.newBufferedReader(keyFile); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (object) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                case null -> throw new IOException(keyFile + " holds no PEM private key");
                default -> throw new IOException(keyFile + " holds a " + object.getClass().getSimpleName()
                        + ", not an unencrypted private key");
            };
        }
    }

    public static void write(TlsIdentity identity, Path certFile, Path keyFile) throws IOException {
        StringWriter certs = new StringWriter();
        try (PemWriter writer = new PemWriter(certs)) {
            for (X509Certificate certificate : identity.chain()) {
                writer.writeObject(new JcaMiscPEMGenerator(certificate));
            }
        }
        StringWriter key = new StringWriter();
        try (PemWriter writer = new PemWriter(key)) {
            writer.writeObject(new JcaPKCS8Generator(identity.key(), null));
        }
        Files.writeString(certFile, certs.toString());
        writeOwnerOnly(keyFile, key.toString());
    }

    /** Creates {@code file} readable by its owner alone before anything is written to it. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text);
    }
}
