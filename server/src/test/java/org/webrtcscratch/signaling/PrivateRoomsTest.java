package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.testing.WsTestClient;

/** Who may enter a room (docs/security.md, "Private rooms"), over real WebSockets against a running server. */
class PrivateRoomsTest {

    private static final String SECRET = "the join token secret, 32 bytes or more";

    private final List<AutoCloseable> open = new ArrayList<>();
    private ScratchServer server;

    private void start(ServerConfig config) {
        server = ScratchServer.start(config.withHost("127.0.0.1").withHttpPort(0));
        open.add(server);
    }

    private WsTestClient client() {
        WsTestClient client = WsTestClient.connect(server.baseUri());
        open.add(0, client);
        return client;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private static String join(String room, String name, String extra) {
        return "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"" + extra + "}";
    }

    @Test
    void aRoomMadeWithAPasswordAdmitsOnlyThoseWhoGiveIt() {
        start(ServerConfig.defaults());
        WsTestClient alice = client();
        alice.send(join("pw", "Alice", ",\"password\":\"open sesame\""));
        String aliceId = alice.expect("welcome").path("peerId").asText();
        JsonNode state = alice.expect("room-state");
        assertThat(state.path("password").asBoolean()).isTrue();
        assertThat(state.path("host").asText()).isEqualTo(aliceId);

        WsTestClient mallory = client();
        JsonNode required = mallory.send(join("pw", "Mallory", "")).expectError("password-required");
        JsonNode wrong = mallory.send(join("pw", "Mallory", ",\"password\":\"sesame\"")).expectError("wrong-password");
        // Nothing about the room beyond the password: not who is in it, not how many.
        for (JsonNode error : List.of(required, wrong)) {
            assertThat(error.path("message").asText()).doesNotContain("Alice", aliceId, "1");
        }
        assertThat(server.signaling().wrongPasswords()).isEqualTo(1);

        WsTestClient bob = client();
        bob.send(join("pw", "Bob", ",\"password\":\"open sesame\""));
        assertThat(bob.expect("welcome").path("peers").get(0).path("name").asText()).isEqualTo("Alice");
        assertThat(bob.expect("room-state").path("host").asText()).isEqualTo(aliceId);
        alice.expect("peer-joined");
        assertThat(mallory.isOpen()).isTrue();
    }

    @Test
    void passwordAttemptsFromOneAddressAreLimitedAndCounted() {
        ServerConfig config = ServerConfig.defaults().withRoomAccess(
                RoomAccess.defaults().withPasswordAttemptsPerMinutePerAddress(3));
        start(config.withHttpSecurity(config.httpSecurity().withAddressLimitsOnLoopback(true)));
        client().send(join("guarded", "Alice", ",\"password\":\"right\"")).expect("welcome");
        WsTestClient guesser = client();
        for (int i = 0; i < 3; i++) {
            guesser.send(join("guarded", "G", ",\"password\":\"guess" + i + "\"")).expectError("wrong-password");
        }
        // Over the limit even the right password is not checked: the answer tells nothing.
        guesser.send(join("guarded", "G", ",\"password\":\"right\"")).expectError("rate-limited");
        assertThat(server.signaling().passwordAttemptsLimited()).isEqualTo(1);
        assertThat(server.signaling().wrongPasswords()).isEqualTo(3);
    }

    @Test
    void theHostLocksTheRoomNewJoinsAreRefusedMembersResumeAndTheNextOldestTakesOver() {
        start(ServerConfig.defaults());
        WsTestClient alice = client();
        String aliceId = alice.join("lockable", "Alice").path("peerId").asText();
        WsTestClient bob = client();
        JsonNode bobWelcome = bob.join("lockable", "Bob");
        alice.expect("peer-joined");

        bob.send("{\"type\":\"lock\",\"locked\":true}").expectError("not-room-host");
        alice.send("{\"type\":\"lock\",\"locked\":true}");
        for (WsTestClient member : List.of(alice, bob)) {
            JsonNode state = member.expect("room-state");
            assertThat(state.path("locked").asBoolean()).isTrue();
            assertThat(state.path("host").asText()).isEqualTo(aliceId);
        }
        assertThat(server.signaling().stats().lockChanges(true)).isEqualTo(1);

        client().send(join("lockable", "Carol", "")).expectError("room-locked");

        // Bob's connection drops; he resumes his place in the locked room.
        bob.abort();
        WsTestClient bobAgain = client();
        bobAgain.send(join("lockable", "Bob", ",\"resume\":\"" + bobWelcome.path("resumeToken").asText() + "\""));
        assertThat(bobAgain.expect("welcome").path("resumed").asBoolean()).isTrue();
        assertThat(bobAgain.expect("room-state").path("locked").asBoolean()).isTrue();

        // The host leaves: Bob, the next oldest, is host now and may unlock.
        alice.send("{\"type\":\"leave\"}");
        assertThat(bobAgain.expect("peer-left").path("peerId").asText()).isEqualTo(aliceId);
        assertThat(bobAgain.expect("room-state").path("host").asText())
                .isEqualTo(bobWelcome.path("peerId").asText());
        bobAgain.send("{\"type\":\"lock\",\"locked\":false}");
        assertThat(bobAgain.expect("room-state").path("locked").asBoolean()).isFalse();
        client().join("lockable", "Carol");
    }

    @Test
    void aSecondAliceIsShownAsAliceTwo() {
        start(ServerConfig.defaults());
        client().join("twins", "Alice");
        assertThat(client().join("twins", "alice").path("name").asText()).isEqualTo("alice (2)");
        assertThat(client().join("twins", "Ａlice").path("name").asText()).isEqualTo("Ａlice (3)");
        client().send(join("twins", "Al\\u200Bice", "")).expectError("bad-name");
    }

    @Test
    void withJoinTokensRequiredOnlyAValidTokenForTheRoomAdmitsAndItsNameIsThePeersName() {
        start(ServerConfig.defaults().withRoomAccess(RoomAccess.defaults().withJoinTokenSecret(SECRET, true)));
        long inAnHour = Instant.now().getEpochSecond() + 3600;
        WsTestClient client = client();
        client.send(join("embedded", "Alice", "")).expectError("token-required");
        String expired = JwtForTest.hs256(SECRET, JwtForTest.claims("embedded", "Alice", inAnHour - 7200));
        client.send(join("embedded", "Alice", token(expired))).expectError("bad-token");
        String otherRoom = JwtForTest.hs256(SECRET, JwtForTest.claims("elsewhere", "Alice", inAnHour));
        assertThat(client.send(join("embedded", "Alice", token(otherRoom))).expectError("bad-token")
                .path("message").asText()).contains("another room");
        String badSignature = JwtForTest.hs256("not the secret, but 32 bytes long!!",
                JwtForTest.claims("embedded", "Alice", inAnHour));
        client.send(join("embedded", "Alice", token(badSignature))).expectError("bad-token");
        client.send(join("embedded", "Alice", token(JwtForTest.unsecured(
                JwtForTest.claims("embedded", "Alice", inAnHour))))).expectError("bad-token");

        String valid = JwtForTest.hs256(SECRET, JwtForTest.claims("embedded", "Alice (host)", inAnHour));
        client.send(join("embedded", "Mallory", token(valid)));
        JsonNode welcome = client.expect("welcome");
        assertThat(welcome.path("name").asText()).isEqualTo("Alice (host)");
        // A resume needs no join token: the resume token proves the place.
        client.abort();
        WsTestClient again = client();
        again.send(join("embedded", "x", ",\"resume\":\"" + welcome.path("resumeToken").asText() + "\""));
        assertThat(again.expect("welcome").path("resumed").asBoolean()).isTrue();
    }

    @Test
    void withoutASecretATokenIsRefusedAndJoinsWithoutOneWorkAsBefore() {
        start(ServerConfig.defaults());
        WsTestClient client = client();
        client.send(join("plain", "Alice", token("a.b.c"))).expectError("bad-token");
        client.join("plain", "Alice");
    }

    private static String token(String jwt) {
        return ",\"token\":\"" + jwt + "\"";
    }

    /**
     * The walk: every readable name the landing page used to make (adjective-animal-NN, 36,000 of them)
     * asked of the room endpoint, the cheapest oracle there is, while a room made the new way is in use. The
     * word lists are read from web/js/rooms.js, so the walk covers exactly the old space.
     */
    @Test
    void walkingTheOldReadableNameSpaceFindsNoPrivateRoom() throws Exception {
        start(ServerConfig.defaults());
        String rooms = Files.readString(Path.of("..", "web", "js", "rooms.js"));
        List<String> adjectives = words(rooms, "ADJECTIVES");
        List<String> animals = words(rooms, "ANIMALS");
        assertThat(adjectives.size() * animals.size() * 90).isEqualTo(36_000);
        // A name as the landing page makes one now: a readable label and 100 random bits (docs/security.md).
        String privateRoom = "quiet-otter-" + "k3x7q2m9z4r8t6w5y2ab";
        client().join(privateRoom, "Alice");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String adjective : adjectives) {
            for (String animal : animals) {
                for (int n = 10; n < 100; n++) {
                    names.add(adjective + "-" + animal + "-" + n);
                }
            }
        }
        int batch = 200;
        for (int i = 0; i < names.size(); i += batch) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (String name : names.subList(i, Math.min(names.size(), i + batch))) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(server.baseUri().resolve("/api/rooms/" + name))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.join();
                assertThat(response.statusCode()).isEqualTo(200);
                if (!response.body().contains("\"peers\":0")) {
                    found.add(response.body());
                }
            }
        }
        assertThat(found).isEmpty();
        // The oracle works: the private room itself answers.
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/rooms/"
                + privateRoom)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.body()).contains("\"peers\":1");
    }

    private static List<String> words(String source, String constant) {
        Matcher list = Pattern.compile(constant + " = \\[(.*?)\\];", Pattern.DOTALL).matcher(source);
        assertThat(list.find()).as(constant + " in rooms.js").isTrue();
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([a-z]+)'").matcher(list.group(1));
        while (word.find()) {
            words.add(word.group(1));
        }
        return words;
    }
}
