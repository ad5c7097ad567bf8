package org.webrtcscratch.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.InterfaceAddresses;

/**
 * A self-signed certificate for this machine's names and addresses, made once and kept in the state folder, so
 * that a browser that accepted it once keeps accepting it. Made anew when it nears its end or when the machine
 * has an address it does not cover.
 */
public final class SelfSignedCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(14);

    private SelfSignedCertificate() {
    }

    /** The kept certificate if it still fits, else a new one (written to {@code stateDir/tls/}). */
    public static TlsIdentity loadOrCreate(Path stateDir) throws IOException {
        Path dir = stateDir.resolve("tls");
        Path certFile = dir.resolve("self-signed-cert.pem");
        Path keyFile = dir.resolve("self-signed-key.pem");
        Set<String> names = localNames();
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            TlsIdentity kept = PemFiles.read(certFile, keyFile);
            if (fits(kept.chain().getFirst(), names)) {
                return kept;
            }
            LOG.info("the kept self-signed certificate is expiring or misses an address; making a new one");
        }
        TlsIdentity fresh = create(names, Instant.now());
        Files.createDirectories(dir);
        PemFiles.write(fresh, certFile, keyFile);
        return fresh;
    }

    /** A new certificate for these DNS names and IP literals, valid from {@code now}. */
    public static TlsIdentity create(Collection<String> names, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=WebRTC Scratch (self-signed)");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    names.stream().map(SelfSignedCertificate::generalName).toArray(GeneralName[]::new)));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new TlsIdentity(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** localhost, this host's name, and every address of every interface that is up. */
    public static Set<String> localNames() {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            LOG.debug("no local host name: {}", e.toString());
        }
        InterfaceAddresses.up().forEach(address -> names.add(address.getHostAddress().replaceFirst("%.*$", "")));
        return names;
    }

    private static boolean fits(X509Certificate certificate, Set<String> names) throws IOException {
        if (certificate.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            return false;
        }
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            Set<String> covered = alternatives == null ? Set.of() : alternatives.stream()
                    .map(entry -> normalise(String.valueOf(entry.get(1)))).collect(Collectors.toSet());
            return names.stream().map(SelfSignedCertificate::normalise).allMatch(covered::contains);
        } catch (CertificateParsingException e) {
            throw new IOException("kept certificate is unreadable: " + e.getMessage(), e);
        }
    }

    private static String normalise(String name) {
        return isIpLiteral(name) ? canonicalIp(name) : name.toLowerCase();
    }

    private static GeneralName generalName(String name) {
        return isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name)
                : new GeneralName(GeneralName.dNSName, name);
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }


    /** An IP literal in one canonical text form, so "::1" and "0:0:0:0:0:0:0:1" compare equal. */
    private static String canonicalIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal never causes a name lookup
        } catch (IOException e) {
            return literal;
        }
    }
}
