package org.webrtcscratch.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    /**
     * The identity in the PEM bytes of a certificate chain and a key, read from {@code certFile} and
     * {@code keyFile} (named in errors), checked to belong together: a renewal caught half-written (a new
     * certificate beside the old key) is refused rather than served.
     */
    public static TlsIdentity parse(byte[] certPem, byte[] keyPem, Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = readChain(new ByteArrayInputStream(certPem), certFile);
        PrivateKey key = readKey(new InputStreamReader(new ByteArrayInputStream(keyPem), StandardCharsets.UTF_8),
                keyFile);
        TlsIdentity identity = new TlsIdentity(key, chain);
        if (!identity.keyMatchesCertificate()) {
            throw new IOException(keyFile + " is not the private key of the certificate in " + certFile);
        }
        return identity;
    }

    public static List<X509Certificate> readChain(Path certFile) throws IOException {
        try (InputStream in = Files.newInputStream(certFile)) {
            return readChain(in, certFile);
        }
    }

    private static List<X509Certificate> readChain(InputStream in, Path certFile) throws IOException {
        try {
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
        try (Reader reader = Files.newBufferedReader(keyFile)) {
            return readKey(reader, keyFile);
        }
    }

    private static PrivateKey readKey(Reader reader, Path keyFile) throws IOException {
        try (PEMParser parser = new PEMParser(reader)) {
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
