package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Join tokens: HS256 JWTs minted by another application, checked at a given time. */
class JoinTokensTest {

    private static final String SECRET = "the join token secret, 32 bytes or more";
    private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");
    private static final long IN_AN_HOUR = NOW.getEpochSecond() + 3600;

    private final JoinTokens tokens = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8));

    @Test
    void aValidTokenGrantsItsRoomAndName() {
        JoinTokens.Claims claims = tokens.verify(JwtForTest.hs256(SECRET,
                JwtForTest.claims("standup-x7", "Alice (host)", IN_AN_HOUR)), NOW);
        assertThat(claims.room()).isEqualTo("standup-x7");
        assertThat(claims.name()).isEqualTo("Alice (host)");
        assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(IN_AN_HOUR));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = JwtForTest.hs256(SECRET, JwtForTest.claims("r", "Alice", NOW.getEpochSecond()));
        assertRefused(token, "expired");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String token = JwtForTest.hs256("another secret of thirty-two bytes!!", JwtForTest.claims("r", "A", IN_AN_HOUR));
        assertRefused(token, "signature");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = JwtForTest.hs256(SECRET, JwtForTest.claims("r", "Alice", IN_AN_HOUR));
        String[] parts = token.split("\\.");
        String forged = JwtForTest.hs256(SECRET, JwtForTest.claims("other", "Alice", IN_AN_HOUR)).split("\\.")[1];
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature");
    }

    @Test
    void algNoneAndOtherAlgorithmsAreRefusedWhateverTheyCarry() {
        assertRefused(JwtForTest.unsecured(JwtForTest.claims("r", "Alice", IN_AN_HOUR)), "HS256");
        assertRefused(JwtForTest.signed("{\"alg\":\"HS512\"}", JwtForTest.claims("r", "A", IN_AN_HOUR), SECRET), "HS256");
        assertRefused(JwtForTest.signed("{\"typ\":\"JWT\"}", JwtForTest.claims("r", "A", IN_AN_HOUR), SECRET), "HS256");
    }

    @Test
    void malformedTokensAndMissingClaimsAreRefusedWithTheReason() {
        assertRefused("not-a-jwt", "compact form");
        assertRefused("a.b.c.d", "compact form");
        assertRefused("!!!.e30.", "base64url");
        assertRefused(JwtForTest.hs256(SECRET, "[1,2]"), "JSON object");
        assertRefused(JwtForTest.hs256(SECRET, "{\"room\":\"r\",\"name\":\"A\"}"), "'exp'");
        assertRefused(JwtForTest.hs256(SECRET, "{\"name\":\"A\",\"exp\":" + IN_AN_HOUR + "}"), "'room'");
        assertRefused(JwtForTest.hs256(SECRET, "{\"room\":\"no spaces\",\"name\":\"A\",\"exp\":" + IN_AN_HOUR + "}"),
                "'room'");
        assertRefused(JwtForTest.hs256(SECRET, "{\"room\":\"r\",\"exp\":" + IN_AN_HOUR + "}"), "'name'");
        assertRefused("x".repeat(JoinTokens.MAX_TOKEN_LENGTH + 1), "longer");
    }

    @Test
    void theNameInATokenFollowsTheDisplayNameRules() {
        assertRefused(JwtForTest.hs256(SECRET, JwtForTest.claims("r", "evil\\u202Eeman", IN_AN_HOUR)), "'name'");
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new JoinTokens("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token, NOW)).isInstanceOfSatisfying(SignalingException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_TOKEN);
            assertThat(e.getMessage()).contains(reason).doesNotContain(SECRET);
        });
    }
}
