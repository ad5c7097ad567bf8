package org.webrtcscratch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.proto.RequestedTransport;

/** The STUN/TURN meters on {@code /metrics}, counting what really happened. */
class TurnMetricsTest {

    @Test
    void requestsAllocationsAndErrorsAreScraped() throws Exception {
        try (ScratchServer server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0)
                .withTurn(TurnSettings.onLoopback().withUsers(List.of("alice:pw"))));
                TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        server.turn().orElseThrow().port())).credentials("alice", "pw")) {
            client.request(StunMethod.BINDING);
            client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);

            String metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("scratch_turn_allocations 1.0");
            assertThat(metrics).contains("scratch_turn_allocated_total 1.0");
            assertThat(metrics).contains("scratch_turn_requests_total{method=\"binding\"} 1.0");
            assertThat(metrics).contains("scratch_turn_requests_total{method=\"allocate\"} 2.0");
            assertThat(metrics).contains("scratch_turn_errors_total{code=\"401\"} 1.0");
            assertThat(metrics).contains("scratch_turn_relayed_packets_total{direction=\"to-peer\"} 0.0");
        }
    }
}
