package org.webrtcscratch.turn.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webrtcscratch.turn.SettableClock;

class CredentialStoreTest {

    private static final String REALM = "example.org";
    private static final RestApiSecret SECRET = RestApiSecret.of("north-wind");

    private final SettableClock clock = SettableClock.atEpochSecond(1_699_990_000);
    private final RestApiCredentials rest = new RestApiCredentials(SECRET, REALM, clock);

    @Test
    void aRestUsernameWhoseExpiryIsBeyondTheMaximumLifetimeHasNoKey() {
        RestApiCredentials bounded = new RestApiCredentials(SECRET, REALM, clock, Duration.ofHours(1));
        long now = clock.instant().getEpochSecond();
        assertThat(bounded.keyFor((now + 3600) + ":alice")).isPresent();
        assertThat(bounded.keyFor((now + 3601) + ":alice")).isEmpty();
        assertThat(bounded.keyFor(Long.toString(now + 86_400))).isEmpty();
        assertThat(bounded.tooLongLived()).isEqualTo(2);
        clock.advanceSeconds(2);
        assertThat(bounded.keyFor((now + 3601) + ":alice")).isPresent();
    }

    @Test
    void staticUsersAreKeyedByName() {
        StaticCredentials users = StaticCredentials.parse(List.of("alice:wonderland", "bob:pa:ss:word"), REALM);

        assertThat(users.keyFor("alice")).contains(LongTermKey.derive("alice", REALM, "wonderland"));
        // printf 'bob:example.org:pa:ss:word' | md5sum
        assertThat(users.keyFor("bob")).get().extracting(k -> HexFormat.of().formatHex(k.bytes()))
                .isEqualTo("3fbdd39aebb8d1325990aee0466afc96");
        assertThat(users.keyFor("carol")).isEmpty();
        assertThat(users.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", ":secret", "alice:", ""})
    void staticUsersMustBeNameColonPassword(String entry) {
        assertThatThrownBy(() -> StaticCredentials.parse(List.of(entry), REALM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NAME:PASS")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aStaticUserGivenTwiceIsRefused() {
        assertThatThrownBy(() -> StaticCredentials.parse(List.of("alice:a", "alice:b"), REALM))
                .hasMessageContaining("given twice");
    }

    /**
     * Password computed with OpenSSL:
     * {@code printf '1700000000:alice' | openssl dgst -sha1 -hmac north-wind -binary | base64}.
     */
    @Test
    void restPasswordIsBase64OfHmacSha1OfTheUsername() {
        assertThat(SECRET.passwordFor("1700000000:alice")).isEqualTo("Oko4dt8u/EbTRjRUJWQDFm/zTCc=");
    }

    @Test
    void aRestUsernameBeforeItsExpiryHasTheKeyOfItsDerivedPassword() {
        // printf '1700000000:alice:example.org:Oko4dt8u/EbTRjRUJWQDFm/zTCc=' | md5sum
        assertThat(rest.keyFor("1700000000:alice")).get().extracting(k -> HexFormat.of().formatHex(k.bytes()))
                .isEqualTo("72de66bbf35ce09d74a8826041313f09");
        assertThat(rest.keyFor("1700000000")).isPresent();
    }

    @Test
    void aRestUsernameIsRefusedFromItsExpiryOn() {
        clock.advanceSeconds(9_999);
        assertThat(rest.keyFor("1700000000:alice")).isPresent();

        clock.advanceSeconds(1);

        assertThat(rest.keyFor("1700000000:alice")).isEmpty();
    }

    @Test
    void aKeyFromAnotherSecretDoesNotMatch() {
        RestApiCredentials other = new RestApiCredentials(RestApiSecret.of("south-wind"), REALM, clock);

        assertThat(other.keyFor("1700000000:alice")).isPresent().isNotEqualTo(rest.keyFor("1700000000:alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice:1700000000", ":1700000000", "", "-1700000000:alice", "+1700000000",
            "17000000000000000000000:alice", "١٧٠٠٠٠٠٠٠٠:alice", "9999999999999999999", "9223372036854775808:alice"})
    void usernamesThatDoNotStartWithAnExpiryGetNoKey(String username) {
        assertThat(rest.keyFor(username)).isEmpty();
    }

    @Test
    void firstOfAsksEachStoreInTurn() {
        StaticCredentials users = StaticCredentials.parse(List.of("alice:wonderland"), REALM);
        CredentialStore both = CredentialStore.firstOf(List.of(users, rest));

        assertThat(both.keyFor("alice")).isEqualTo(users.keyFor("alice"));
        assertThat(both.keyFor("1700000000:alice")).isEqualTo(rest.keyFor("1700000000:alice"));
        assertThat(both.keyFor("mallory")).isEmpty();
    }

    @Test
    void issuedCredentialsAreAcceptedUntilTheyExpire() {
        TurnCredentialIssuer issuer = new TurnCredentialIssuer(SECRET, clock, Duration.ofHours(24));

        TurnCredential credential = issuer.issue("Yv3sZ9kq0m1aXc7pQe2L4w");

        assertThat(credential.username()).isEqualTo("1700076400:Yv3sZ9kq0m1aXc7pQe2L4w");
        assertThat(credential.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(credential.toString()).doesNotContain(credential.password());
        assertThat(rest.keyFor(credential.username()))
                .contains(LongTermKey.derive(credential.username(), REALM, credential.password()));
        clock.advance(Duration.ofHours(24));
        assertThat(rest.keyFor(credential.username())).isEmpty();
    }

    @Test
    void anEmptyUserGivesABareExpiry() {
        TurnCredentialIssuer issuer = new TurnCredentialIssuer(SECRET, clock, Duration.ofMinutes(10));

        assertThat(issuer.issue("").username()).isEqualTo("1699990600");
    }

    @Test
    void theUserPartOfAnIssuedUsernameIsReadBackExactly() {
        TurnCredentialIssuer issuer = new TurnCredentialIssuer(SECRET, clock, Duration.ofMinutes(10));

        assertThat(TurnCredentialIssuer.userOf(issuer.issue("Yv3sZ9kq0m1aXc7pQe2L4w").username()))
                .contains("Yv3sZ9kq0m1aXc7pQe2L4w");
        assertThat(TurnCredentialIssuer.userOf(issuer.issue("").username())).as("a bare expiry").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice:1699990600", ":peer", "1699990600:", "16999x0600:peer", "-1:peer"})
    void aUsernameOfAnotherShapeHasNoUserPart(String username) {
        assertThat(TurnCredentialIssuer.userOf(username)).isEmpty();
    }
}
