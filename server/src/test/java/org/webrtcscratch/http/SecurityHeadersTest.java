package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;

/** The security headers on every response over plain HTTP, and the policy's hashes of inline scripts. */
class SecurityHeadersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ScratchServer server;

    @BeforeAll
    static void start() {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyResponseSaysNoSniffingNoFramingNoReferrer() throws Exception {
        for (String path : List.of("/", "/r/some-room", "/js/protocol.js", "/api/config", "/healthz", "/nothing")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("x-frame-options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("referrer-policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("strict-transport-security")).as("%s over http", path).isEmpty();
        }
    }

    @Test
    void pagesCarryAPolicyThatAllowsTheirOwnInlineScriptsByHash() throws Exception {
        HttpResponse<String> call = get("/r/some-room");
        String policy = call.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
        for (String hash : ContentSecurityPolicy.inlineScriptHashes(call.body())) {
            assertThat(policy).contains(hash);
        }
        assertThat(get("/").headers().firstValue("content-security-policy")).hasValue(policy);
    }

    @Test
    void inlineScriptsAreHashedAsTheBrowserDoes() {
        // The browser hashes the element's text exactly; this is the example of CSP 3, section 8.3.
        assertThat(ContentSecurityPolicy.inlineScriptHashes("<p><script src=a.js></script><script>alert('Hello, world.');</script>"))
                .containsExactly("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    }
}
