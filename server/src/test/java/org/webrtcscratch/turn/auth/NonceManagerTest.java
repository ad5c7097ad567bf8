package org.webrtcscratch.turn.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.turn.SettableClock;

class NonceManagerTest {

    private static final byte[] SECRET = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f1011121314151617");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SettableClock clock = SettableClock.atEpochSecond(1_700_000_000);
    private final NonceManager nonces = new NonceManager(SECRET, clock, LIFETIME);
    private final InetAddress client = ip("198.51.100.7");

    @Test
    void aFreshNonceIsValidForItsClientUntilItGoesStale() {
        String nonce = nonces.issue(client);

        assertThat(nonces.validate(nonce, client)).isEqualTo(NonceValidity.VALID);
        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(nonces.validate(nonce, client)).isEqualTo(NonceValidity.VALID);
        clock.advanceSeconds(1);
        assertThat(nonces.validate(nonce, client)).isEqualTo(NonceValidity.STALE);
        assertThat(NonceValidity.STALE.errorCode()).contains(StunErrorCode.STALE_NONCE);
    }

    @Test
    void aNonceIsInvalidFromAnotherAddress() {
        String nonce = nonces.issue(client);

        assertThat(nonces.validate(nonce, ip("198.51.100.8"))).isEqualTo(NonceValidity.INVALID);
        assertThat(NonceValidity.INVALID.errorCode()).contains(StunErrorCode.UNAUTHENTICATED);
    }

    @Test
    void theMappedFormOfTheClientAddressIsTheSameClient() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null,
                HexFormat.of().parseHex("00000000000000000000ffffc6336407"), -1);

        assertThat(nonces.validate(nonces.issue(client), mapped)).isEqualTo(NonceValidity.VALID);
    }

    @Test
    void everySingleCharacterChangeMakesItInvalid() {
        String nonce = nonces.issue(client);

        for (int i = 0; i < nonce.length(); i++) {
            char replacement = nonce.charAt(i) == 'A' ? 'B' : 'A';
            String forged = nonce.substring(0, i) + replacement + nonce.substring(i + 1);
            assertThat(nonces.validate(forged, client)).as("changed at %d: %s", i, forged)
                    .isEqualTo(NonceValidity.INVALID);
        }
    }

    @ParameterizedTest
    @CsvSource({"''", "obMatJos2AAAA", "not base64 at all!!!!!!!!!!!!!!!!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void garbageIsInvalid(String nonce) {
        assertThat(nonces.validate(nonce, client)).isEqualTo(NonceValidity.INVALID);
    }

    @Test
    void aStaleLookingNonceWithoutTheRightMacIsInvalidNotStale() {
        NonceManager otherServer = new NonceManager(NonceManager.newSecret(), clock, LIFETIME);
        String theirs = otherServer.issue(client);
        clock.advance(LIFETIME.multipliedBy(2));

        assertThat(nonces.validate(theirs, client)).isEqualTo(NonceValidity.INVALID);
    }

    @Test
    void nonceIsShortAndPrintable() {
        String nonce = nonces.issue(client);

        assertThat(nonce).hasSizeLessThan(128).matches("[A-Za-z0-9_-]+");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
