package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.signaling.RoomAccess;

/**
 * A server that admits only joins with a join token: a page opened from a link with {@code #token=} joins under
 * the token's name, whatever its address says; one without is turned away with the reason.
 */
@Tag("browser")
class JoinTokenE2ETest {

    private static final String SECRET = "the join token secret, 32 bytes or more";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(
            config -> config.withRoomAccess(RoomAccess.defaults().withJoinTokenSecret(SECRET, true)));

    @Test
    void aPageFromATokenLinkJoinsUnderTheTokensNameAndOneWithoutIsTurnedAway() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.person("Mallory");
        alice.page().navigate(alice.callUri(room, "skipPrejoin=1") + "#token=" + token(room, "Alice (host)"));
        Participant bob = harness.person("Bob");
        bob.page().navigate(bob.callUri(room, "skipPrejoin=1") + "#token=" + token(room, "Bob"));
        bob.waitConnectedTo(alice);

        assertThat(bob.tile(alice.peerId()).locator(".tile-name").textContent()).isEqualTo("Alice (host)");
        assertThat(alice.page().locator(".tile[data-local] .tile-name").textContent()).isEqualTo("Alice (host) (you)");

        Participant carol = harness.person("Carol");
        carol.page().navigate(carol.callUri(room, "skipPrejoin=1").toString());
        carol.page().locator("[data-testid=\"end-reason\"]:has-text(\"join token\")").waitFor();
    }

    /** A token as the embedding application mints it (docs/security.md, "Join tokens"). */
    private static String token(String room, String name) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"room\":\"" + room + "\",\"name\":\"" + name + "\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 300) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
