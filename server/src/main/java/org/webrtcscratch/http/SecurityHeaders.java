package org.webrtcscratch.http;

import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the browser-facing security headers on every response, pages, modules and API alike: the web app's
 * Content-Security-Policy, no MIME sniffing, no framing by other sites, no Referer (a room link is its key), and
 * HSTS when the certificate is one browsers trust (never with a self-signed one: HSTS would take away the
 * browser's "proceed anyway" on its warning).
 */
final class SecurityHeaders extends Handler.Wrapper {

    /** A year, as HSTS preload lists ask for. */
    private static final String HSTS = "max-age=31536000";

    private final Supplier<String> contentSecurityPolicy;
    private final boolean strictTransportSecurity;

    /**
     * @param contentSecurityPolicy    the policy; asked for each page (a folder being edited may change it)
     * @param strictTransportSecurity  whether to send HSTS: TLS with a certificate browsers trust
     */
    SecurityHeaders(Supplier<String> contentSecurityPolicy, boolean strictTransportSecurity) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.strictTransportSecurity = strictTransportSecurity;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        if (isPage(Request.getPathInContext(request))) {
            headers.put("Content-Security-Policy", contentSecurityPolicy.get());
        }
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)");
        if (strictTransportSecurity && request.isSecure()) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return super.handle(request, response, callback);
    }

    /** A document rather than a module, stylesheet or image: the policy only means something for those. */
    private static boolean isPage(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() || last.endsWith(".html") || last.indexOf('.') < 0;
    }
}
