package org.webrtcscratch.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.tls.TlsIdentity;

/** The {@link OriginPolicy} of a running server: the names it knows itself by, and its refusals as a metric. */
final class OriginPolicies {

    /** subjectAltName type of a DNS name (RFC 5280 §4.2.1.6). */
    private static final int DNS_NAME = 2;

    private OriginPolicies() {
    }

    static OriginPolicy forServer(HttpSecurity security, TlsIdentity tls, MeterRegistry metrics) {
        List<String> names = new ArrayList<>(security.allowedHosts());
        names.addAll(machineNames());
        if (tls != null) {
            names.addAll(certificateNames(tls.chain().getFirst()));
        }
        OriginPolicy policy = new OriginPolicy(security.allowedOrigins(), names);
        for (OriginPolicy.Refusal reason : OriginPolicy.Refusal.values()) {
            FunctionCounter.builder("scratch.http.upgrades.refused", policy, p -> p.refused(reason))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("WebSocket upgrades refused with 403: a foreign Origin, or a Host that is not"
                            + " one of the server's names").register(metrics);
        }
        return policy;
    }

    /** The machine's own host name, as the system knows it without asking DNS for more. */
    private static List<String> machineNames() {
        try {
            return List.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static List<String> certificateNames(X509Certificate certificate) {
        try {
            var names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : names.stream()
                    .filter(name -> name.get(0) instanceof Integer type && type == DNS_NAME)
                    .map(name -> String.valueOf(name.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
