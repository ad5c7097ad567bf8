package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.HttpSecurity;
import org.webrtcscratch.config.ServerConfig;

/**
 * {@code GET /api/rooms/{room}} (how full a room is) answers one address as many times a minute as it may
 * join, then 429 with {@code rate-limited}, counted; loopback is exempt unless the address limits apply to it.
 */
class RoomLookupRateTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PER_MINUTE = 5;

    private static HttpResponse<String> get(ScratchServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ServerConfig config() {
        ServerConfig defaults = ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0);
        return defaults.withLimits(defaults.limits().withAddressLimits(PER_MINUTE,
                defaults.limits().maxQueuedBytesPerAddress(), defaults.limits().maxQueuedBytesTotal()));
    }

    @Test
    void anAddressOverItsLookupsAMinuteGets429AndTheCountGoesUp() throws Exception {
        try (ScratchServer server = ScratchServer.start(config()
                .withHttpSecurity(HttpSecurity.defaults().withAddressLimitsOnLoopback(true)))) {
            for (int i = 0; i < PER_MINUTE; i++) {
                HttpResponse<String> answer = get(server, "/api/rooms/walk-" + i);
                assertThat(answer.statusCode()).as("lookup %d", i).isEqualTo(200);
                assertThat(answer.body()).contains("\"peers\":0");
            }
            HttpResponse<String> refused = get(server, "/api/rooms/walk-next");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("\"error\":\"rate-limited\"").doesNotContain("\"peers\"");
            assertThat(get(server, "/metrics").body())
                    .containsPattern("scratch_signaling_address_lookups_limited_total(\\{[^}]*})? 1\\.0");
            assertThat(get(server, "/api/rooms/bad%20name").statusCode()).as("still limited before the name check")
                    .isEqualTo(429);
        }
    }

    @Test
    void loopbackIsExemptByDefault() throws Exception {
        try (ScratchServer server = ScratchServer.start(config())) {
            for (int i = 0; i < PER_MINUTE * 3; i++) {
                assertThat(get(server, "/api/rooms/walk-" + i).statusCode()).isEqualTo(200);
            }
        }
    }
}
