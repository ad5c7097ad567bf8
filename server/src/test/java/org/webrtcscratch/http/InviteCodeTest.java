package org.webrtcscratch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;

/** {@code /api/qr}: the QR code of a call link of this server, and a 400 for anything else. */
class InviteCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    private static HttpResponse<String> qr(String link) throws Exception {
        String query = link == null ? "" : "?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/qr" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String self() {
        URI base = server.baseUri();
        return base.getHost() + ":" + base.getPort();
    }

    @Test
    void drawsTheCodeOfACallLinkThatADecoderReadsBack() throws Exception {
        String link = "http://" + self() + "/r/team-standup_2";
        HttpResponse<String> response = qr(link);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(QrCodes.decodeSvg(response.body())).isEqualTo(link);
        // The longest room too.
        String longest = "https://" + self() + "/r/" + "r".repeat(64);
        assertThat(QrCodes.decodeSvg(qr(longest).body())).isEqualTo(longest);
    }

    @Test
    void refusesAnythingButACallLinkOfThisServerAndCountsIt() throws Exception {
        double before = refusedCount();
        List<String> bad = List.of(
                "",
                "not a url at all",
                "ftp://" + self() + "/r/room",
                "javascript:alert(1)",
                "http://evil.example/r/room",
                "http://user@" + self() + "/r/room",
                "http://" + self() + "/check",
                "http://" + self() + "/r/bad%20room",
                "http://" + self() + "/r/" + "x".repeat(65),
                "http://" + self() + "/r/room?next=http://evil.example",
                "http://" + self() + "/r/room#x",
                "http://" + self() + "/r/" + "x".repeat(RoomLink.MAX_LENGTH));
        for (String link : bad) {
            HttpResponse<String> response = qr(link);
            assertThat(response.statusCode()).as(link).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText()).as(link).isEqualTo("bad-link");
        }
        assertThat(qr(null).statusCode()).isEqualTo(400);
        assertThat(refusedCount() - before).isEqualTo(bad.size() + 1);
        // The server is still fine.
        assertThat(qr("http://" + self() + "/r/room").statusCode()).isEqualTo(200);
    }

    private static double refusedCount() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("scratch_http_qr_total{") && line.contains("result=\"refused\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
