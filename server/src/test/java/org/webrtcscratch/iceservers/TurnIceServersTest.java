package org.webrtcscratch.iceservers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.testing.WsTestClient;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.auth.TurnCredential;
import org.webrtcscratch.turn.auth.TurnCredentialIssuer;
import org.webrtcscratch.turn.proto.RequestedTransport;

/**
 * Our TURN server in {@code welcome.iceServers} and {@code ice-servers}, with credentials that work, and in
 * {@code /api/config} without any.
 */
class TurnIceServersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> open = new ArrayList<>();
    private ScratchServer server;

    private ScratchServer start(String host, TurnSettings turn) {
        server = ScratchServer.start(ServerConfig.defaults().withHost(host).withHttpPort(0).withTurn(turn)
                .withIceServers(List.of(IceServer.parse("stun:stun.example.org:3478"))));
        open.add(server);
        return server;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    void welcomeCarriesOurStunAndTurnWithCredentialsTheTurnServerAccepts() {
        start("127.0.0.1", TurnSettings.onLoopback());
        int port = server.turn().orElseThrow().port();
        WsTestClient alice = WsTestClient.connect(server.baseUri());
        open.add(alice);
        JsonNode welcome = alice.join("turn-room", "Alice");
        JsonNode ice = welcome.path("iceServers");

        assertThat(ice.get(0).path("urls").get(0).asText()).isEqualTo("stun:127.0.0.1:" + port);
        assertThat(ice.get(0).has("username")).isFalse();
        JsonNode turn = ice.get(1);
        assertThat(turn.path("urls").get(0).asText()).isEqualTo("turn:127.0.0.1:" + port + "?transport=udp");
        assertThat(turn.path("urls").get(1).asText()).isEqualTo("turn:127.0.0.1:" + port + "?transport=tcp");
        assertThat(turn.path("username").asText()).endsWith(":" + welcome.path("peerId").asText());
        assertThat(ice.get(2).path("urls").get(0).asText()).isEqualTo("stun:stun.example.org:3478");

        try (TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .credentials(turn.path("username").asText(), turn.path("credential").asText())) {
            DecodedMessage allocated = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
            assertThat(allocated.message().type().messageClass()).isEqualTo(MessageClass.SUCCESS_RESPONSE);
        }
    }

    @Test
    void aRemoteTurnMachineWithTheSameSecretAcceptsTheCredentialsHandedOut() {
        TurnServer remote = TurnServer.start(TurnSettings.onLoopback().withSecret(RestApiSecret.of("shared")));
        open.add(remote);
        server = ScratchServer.start(ServerConfig.defaults().withHost("127.0.0.1").withHttpPort(0).withTurn(
                new TurnMode.Remote("127.0.0.1", remote.port(), RestApiSecret.of("shared"), Duration.ofHours(1))));
        open.add(server);
        assertThat(server.turn()).isEmpty();
        WsTestClient alice = WsTestClient.connect(server.baseUri());
        open.add(alice);
        JsonNode turn = alice.join("remote", "Alice").path("iceServers").get(1);
        assertThat(turn.path("urls").get(0).asText()).isEqualTo("turn:127.0.0.1:" + remote.port() + "?transport=udp");
        try (TurnTestClient client = TurnTestClient.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                remote.port())).credentials(turn.path("username").asText(), turn.path("credential").asText())) {
            assertThat(client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP).message().type().messageClass())
                    .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        }
    }

    @Test
    void apiConfigHandsOutNoCredentialsOnlyTheServersThatNeedNone() throws Exception {
        start("127.0.0.1", TurnSettings.onLoopback());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.baseUri().resolve("/api/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode ice = JSON.readTree(response.body()).path("iceServers");
        assertThat(response.body()).doesNotContain("username", "credential", "turn:");
        assertThat(ice).hasSize(2);
        assertThat(ice.get(0).path("urls").get(0).asText()).isEqualTo("stun:127.0.0.1:" + server.turn().orElseThrow().port());
        assertThat(ice.get(1).path("urls").get(0).asText()).isEqualTo("stun:stun.example.org:3478");
    }

    @Test
    void welcomeSaysHowLongItsCredentialsLiveAndTheTurnUsernameExpiresThen() {
        start("127.0.0.1", TurnSettings.onLoopback().withConfig(TurnSettings.onLoopback().config().toBuilder()
                .credentialTtl(Duration.ofMinutes(7)).build()));
        WsTestClient alice = WsTestClient.connect(server.baseUri());
        open.add(alice);
        long before = System.currentTimeMillis() / 1000;
        JsonNode welcome = alice.join("ttl-room", "Alice");
        long after = System.currentTimeMillis() / 1000 + 1;
        assertThat(welcome.path("iceServersTtl").asLong()).isEqualTo(7 * 60);
        long expiry = Long.parseLong(welcome.path("iceServers").get(1).path("username").asText().split(":")[0]);
        assertThat(expiry).isBetween(before + 7 * 60, after + 7 * 60);
    }

    @Test
    void aPeerInARoomGetsFreshCredentialsAtMostOncePerRefreshInterval() {
        start("127.0.0.1", TurnSettings.onLoopback().withConfig(TurnSettings.onLoopback().config().toBuilder()
                .credentialRefreshInterval(Duration.ofHours(1)).build()));
        int port = server.turn().orElseThrow().port();
        WsTestClient alice = WsTestClient.connect(server.baseUri());
        open.add(alice);
        alice.send("{\"type\":\"refresh-ice-servers\",\"id\":1}");
        assertThat(alice.expectError("not-joined").path("request").asText()).isEqualTo("refresh-ice-servers");
        String peerId = alice.join("refresh-room", "Alice").path("peerId").asText();

        alice.send("{\"type\":\"refresh-ice-servers\"}");
        JsonNode fresh = alice.expect("ice-servers");
        assertThat(fresh.path("iceServersTtl").asLong()).isEqualTo(TurnConfig.DEFAULT_CREDENTIAL_TTL.toSeconds());
        JsonNode turn = fresh.path("iceServers").get(1);
        assertThat(turn.path("username").asText()).endsWith(":" + peerId);
        try (TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .credentials(turn.path("username").asText(), turn.path("credential").asText())) {
            assertThat(client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP).message().type().messageClass())
                    .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        }

        alice.send("{\"type\":\"refresh-ice-servers\",\"id\":\"again\"}");
        JsonNode refused = alice.expectError("rate-limited");
        assertThat(refused.path("re").asText()).isEqualTo("again");
        // The connection and the room carry on.
        alice.send("{\"type\":\"ping\"}");
        alice.expect("pong");
    }

    @Test
    void aTurnServerRefusesRestCredentialsThatLiveLongerThanItsMaximum() {
        TurnServer turn = TurnServer.start(TurnSettings.onLoopback().withSecret(RestApiSecret.of("shared"))
                .withConfig(TurnSettings.onLoopback().config().toBuilder()
                        .maxCredentialLifetime(Duration.ofMinutes(30)).build()));
        open.add(turn);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), turn.port());
        TurnCredential dayLong = new TurnCredentialIssuer(RestApiSecret.of("shared"),
                java.time.InstantSource.system(), Duration.ofHours(24)).issue("mallory");
        try (TurnTestClient client = TurnTestClient.udp(address).credentials(dayLong.username(), dayLong.password())) {
            DecodedMessage refused = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
            assertThat(refused.message().type().messageClass()).isEqualTo(MessageClass.ERROR_RESPONSE);
        }
        assertThat(turn.credentialsTooLongLived()).isPositive();
        TurnCredential short_ = new TurnCredentialIssuer(RestApiSecret.of("shared"),
                java.time.InstantSource.system(), Duration.ofMinutes(10)).issue("alice");
        try (TurnTestClient client = TurnTestClient.udp(address).credentials(short_.username(), short_.password())) {
            assertThat(client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP).message().type().messageClass())
                    .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        }
    }

    @Test
    void anIpv6HostIsBracketedInTheUrls() throws Exception {
        start("::1", TurnSettings.on(InetAddress.getByName("::1")));
        WsTestClient alice = WsTestClient.connect(server.baseUri());
        open.add(alice);
        JsonNode ice = alice.join("v6", "Alice").path("iceServers");
        assertThat(ice.get(0).path("urls").get(0).asText())
                .isEqualTo("stun:[::1]:" + server.turn().orElseThrow().port());
    }

    @Test
    void aConfiguredExternalIpWinsOverTheRequestHost() {
        TurnCredentialIssuer issuer = new TurnCredentialIssuer(RestApiSecret.of("s3cret"),
                SettableClock.atEpochSecond(1_700_000_000), Duration.ofHours(1));
        TurnIceServers servers = new TurnIceServers(issuer, 3478, OptionalInt.empty(), Optional.of("203.0.113.9"), List.of());
        List<IceServer> ice = servers.iceServersFor("peer-1", "localhost:8080");
        assertThat(ice.get(0).urls()).containsExactly("stun:203.0.113.9:3478");
        assertThat(ice.get(1).urls()).containsExactly("turn:203.0.113.9:3478?transport=udp",
                "turn:203.0.113.9:3478?transport=tcp");
        assertThat(ice.get(1).username()).isEqualTo((1_700_000_000 + 3600) + ":peer-1");
        assertThat(ice.get(1).credential()).isEqualTo(RestApiSecret.of("s3cret").passwordFor(ice.get(1).username()));
    }

    @Test
    void withoutAUsableHostOnlyTheExtraServersAreGiven() {
        TurnCredentialIssuer issuer = new TurnCredentialIssuer(RestApiSecret.of("s3cret"),
                SettableClock.atEpochSecond(1_700_000_000), Duration.ofHours(1));
        IceServer extra = IceServer.parse("stun:stun.example.org:3478");
        TurnIceServers servers = new TurnIceServers(issuer, 3478, OptionalInt.empty(), Optional.empty(), List.of(extra));
        assertThat(servers.iceServersFor("p", null)).containsExactly(extra);
        assertThat(servers.iceServersFor("p", "evil.example?transport=tcp")).containsExactly(extra);
        assertThat(servers.iceServersFor("p", "")).containsExactly(extra);
    }

    @Test
    void hostHeadersLoseTheirPortAndBrackets() {
        assertThat(TurnIceServers.hostOf("example.org:8080")).contains("example.org");
        assertThat(TurnIceServers.hostOf("example.org")).contains("example.org");
        assertThat(TurnIceServers.hostOf("192.0.2.1:443")).contains("192.0.2.1");
        assertThat(TurnIceServers.hostOf("[2001:db8::1]:8443")).contains("2001:db8::1");
        assertThat(TurnIceServers.hostOf("[2001:db8::1]")).contains("2001:db8::1");
        assertThat(TurnIceServers.hostOf("2001:db8::1")).contains("2001:db8::1");
        assertThat(TurnIceServers.hostOf("[]:80")).isEmpty();
        assertThat(TurnIceServers.hostOf("a b")).isEmpty();
    }
}
