package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.iceservers.IceServer;

class HttpEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ScratchServer server;

    @BeforeAll
    static void start() {
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withIceServers(List.of(IceServer.parse("stun:stun.example.org:3478"))));
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
    void healthzReportsCounts() throws Exception {
        HttpResponse<String> response = get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.has("connections") && body.has("rooms") && body.has("peers")).isTrue();
    }

    @Test
    void apiRoomsSaysHowFullARoomIsAndRefusesABadName() throws Exception {
        JsonNode empty = JSON.readTree(get("/api/rooms/nobody-here").body());
        assertThat(empty.path("room").asText()).isEqualTo("nobody-here");
        assertThat(empty.path("peers").asInt()).isZero();
        assertThat(empty.path("capacity").asInt()).isEqualTo(8);
        assertThat(empty.path("full").asBoolean()).isFalse();

        HttpResponse<String> bad = get("/api/rooms/" + "x".repeat(65));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("bad-room-name");
    }

    @Test
    void unknownAddressesAndBadRoomNamesAreNotFoundWithAPageForBrowsers() throws Exception {
        for (String path : List.of("/no/such/page", "/r/bad%21name")) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("data-testid=\"not-found\"");
            assertThat(get(path).statusCode()).as(path + " without Accept").isEqualTo(404);
        }
        assertThat(get("/r/good-name").statusCode()).isEqualTo(200);
    }

    @Test
    void apiConfigGivesIceServersAndLimits() throws Exception {
        JsonNode body = JSON.readTree(get("/api/config").body());
        assertThat(body.path("iceServers").get(0).path("urls").get(0).asText()).isEqualTo("stun:stun.example.org:3478");
        assertThat(body.path("iceServers").get(0).has("username")).isFalse();
        assertThat(body.path("limits").path("roomCapacity").asInt()).isEqualTo(8);
        assertThat(body.path("limits").path("maxMessageBytes").asInt()).isEqualTo(65536);
        assertThat(body.path("version").asText()).isNotBlank();
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("scratch_signaling_connections", "scratch_signaling_refused_total");
    }

    @Test
    void theWebAppAndTheCallPageAreServed() throws Exception {
        HttpResponse<String> landing = get("/");
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("<html", "WebRTC Scratch");
        HttpResponse<String> call = get("/r/quiet-otter-17?name=Alice");
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(call.body()).contains("<html", "js/main.js");
        assertThat(get("/js/protocol.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theConnectionCheckIsServedAtCheck() throws Exception {
        HttpResponse<String> check = get("/check");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(check.body()).contains("<html", "Connection check", "js/ui/check-page.js");
        assertThat(get("/js/check/steps.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theTraceViewerAndUplotFromItsWebJarAreServed() throws Exception {
        HttpResponse<String> trace = get("/trace");
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(trace.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(trace.body()).contains("js/trace-page.js", "type=\"file\"");
        HttpResponse<String> uplot = get("/vendor/uplot/dist/uPlot.esm.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.headers().firstValue("content-type").orElse("")).contains("javascript");
        assertThat(uplot.body()).contains("export { uPlot as default }");
        assertThat(get("/vendor/uplot/dist/uPlot.min.css").statusCode()).isEqualTo(200);
    }

    @Test
    void aPlainRequestToTheSocketPathIsToldToUpgrade() throws Exception {
        HttpResponse<String> response = get("/ws");
        assertThat(response.statusCode()).isEqualTo(426);
        assertThat(response.headers().firstValue("upgrade")).hasValue("websocket");
        assertThat(response.body()).contains("only speaks WebSocket");
    }

    @Test
    void unknownPathsAre404() throws Exception {
        assertThat(get("/no/such/thing").statusCode()).isEqualTo(404);
    }

    @Test
    void baseUriPointsAtLoopback() {
        assertThat(server.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + server.httpPort() + "/"));
    }
}
