package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;

/** {@code /readyz} beside {@code /healthz}, and {@code /metrics} behind a token when one is set. */
class ReadinessAndMetricsTokenTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "a-metrics-token-of-some-length";

    private static HttpResponse<String> get(ScratchServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyWhileServingAndNotOnceShuttingDown() throws Exception {
        try (ScratchServer server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0))) {
            HttpResponse<String> ready = get(server, "/readyz", null);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"");

            server.signaling().closeAsync(Duration.ofSeconds(5));
            HttpResponse<String> stopping = get(server, "/readyz", null);
            assertThat(stopping.statusCode()).isEqualTo(503);
            assertThat(stopping.body()).contains("shutting-down");
            assertThat(get(server, "/healthz", null).statusCode()).as("alive all the same").isEqualTo(200);
        }
    }

    @Test
    void metricsAskForTheTokenWhenOneIsSet() throws Exception {
        try (ScratchServer server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withHttpSecurity(HttpSecurity.defaults().withMetricsToken(TOKEN)))) {
            HttpResponse<String> anonymous = get(server, "/metrics", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("www-authenticate").orElse("")).startsWith("Bearer");
            assertThat(anonymous.body()).doesNotContain("scratch_");
            assertThat(get(server, "/metrics", "Bearer wrong-token-wrong-token").statusCode()).isEqualTo(401);
            HttpResponse<String> scraper = get(server, "/metrics", "Bearer " + TOKEN);
            assertThat(scraper.statusCode()).isEqualTo(200);
            assertThat(scraper.body()).contains("scratch_signaling_connections");
        }
    }

    @Test
    void metricsStayOpenWithoutAToken() throws Exception {
        try (ScratchServer server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0))) {
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(200);
        }
    }
}
