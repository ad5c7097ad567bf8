package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.REALM;
import static org.webrtcscratch.turn.server.HandlerFixture.USER;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.isSuccess;
import static org.webrtcscratch.turn.server.HandlerFixture.request;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.Integrity;
import org.webrtcscratch.stun.IntegrityKeys;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.proto.RequestedTransport;

/** The long-term credential mechanism (RFC 8489 §9.2.4) in front of every TURN method. */
class AuthenticationTest {

    private final HandlerFixture fixture = new HandlerFixture();
    private final FiveTuple from = client(40000);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRequestWithoutCredentialsGets401WithRealmAndNonce() {
        DecodedMessage response = fixture.answer(request(StunMethod.ALLOCATE, RequestedTransport.UDP).toBytes(), from);
        assertThat(errorCode(response)).isEqualTo(401);
        assertThat(response.message().attribute(Realm.class)).contains(new Realm(REALM));
        assertThat(response.message().attribute(Nonce.class).orElseThrow().value()).isNotBlank();
        assertThat(response.message().has(MessageIntegrity.class)).isFalse();
        assertThat(fixture.allocations.allocationCount()).isZero();
    }

    @Test
    void theSignedRequestIsAnsweredAndTheAnswerSignedWithTheSameKey() {
        DecodedMessage response = fixture.answer(fixture.signed(from, StunMethod.ALLOCATE, RequestedTransport.UDP), from);
        assertThat(isSuccess(response)).isTrue();
        assertThat(Integrity.verifySha1(response, fixture.key())).isTrue();
        assertThat(response.message().has(MessageIntegritySha256.class)).isFalse();
        assertThat(response.message().has(Fingerprint.class)).isFalse();
    }

    @Test
    void sha256IntegrityIsAnsweredInKindAndFingerprintEchoed() {
        Nonce nonce = fixture.challenge(from);
        byte[] bytes = fixture.withCredentials(request(StunMethod.ALLOCATE, RequestedTransport.UDP), USER, nonce)
                .messageIntegritySha256(fixture.key()).fingerprint().toBytes();
        DecodedMessage response = fixture.answer(bytes, from);
        assertThat(isSuccess(response)).isTrue();
        assertThat(response.message().has(MessageIntegrity.class)).isFalse();
        assertThat(Integrity.verifySha256(response, fixture.key())).isTrue();
        assertThat(response.message().has(Fingerprint.class)).isTrue();
    }

    @Test
    void errorsAfterAuthenticationAreSignedToo() {
        byte[] bytes = fixture.signed(from, StunMethod.ALLOCATE, new RequestedTransport(6));
        DecodedMessage response = fixture.answer(bytes, from);
        assertThat(errorCode(response)).isEqualTo(442);
        assertThat(Integrity.verifySha1(response, fixture.key())).isTrue();
    }

    @Test
    void aWrongPasswordGets401AndNoAllocation() {
        Nonce nonce = fixture.challenge(from);
        byte[] bytes = fixture.withCredentials(request(StunMethod.ALLOCATE, RequestedTransport.UDP), USER, nonce)
                .messageIntegrity(IntegrityKeys.longTermMd5(USER, REALM, "guess")).toBytes();
        DecodedMessage response = fixture.answer(bytes, from);
        assertThat(errorCode(response)).isEqualTo(401);
        assertThat(response.message().has(Nonce.class)).isTrue();
        assertThat(fixture.allocations.allocationCount()).isZero();
    }

    @Test
    void aRequestAlteredAfterSigningGets401() {
        byte[] bytes = fixture.signed(from, StunMethod.ALLOCATE, RequestedTransport.UDP);
        bytes[20 + 4] = 6;
        assertThat(errorCode(fixture.answer(bytes, from))).isEqualTo(401);
    }

    @Test
    void anUnknownUserGets401() {
        Nonce nonce = fixture.challenge(from);
        byte[] bytes = fixture.withCredentials(request(StunMethod.ALLOCATE, RequestedTransport.UDP), "mallory", nonce)
                .messageIntegrity(IntegrityKeys.longTermMd5("mallory", REALM, "x")).toBytes();
        assertThat(errorCode(fixture.answer(bytes, from))).isEqualTo(401);
    }

    @Test
    void integrityWithoutUsernameRealmOrNonceIs400() {
        byte[] bytes = request(StunMethod.ALLOCATE, RequestedTransport.UDP).add(new Username(USER))
                .messageIntegrity(fixture.key()).toBytes();
        assertThat(errorCode(fixture.answer(bytes, from))).isEqualTo(400);
    }

    @Test
    void anOldNonceGets438WithAFreshOneThatWorks() {
        Nonce old = fixture.challenge(from);
        fixture.advance(fixture.config.nonceLifetime().plusSeconds(1));
        DecodedMessage stale = fixture.answer(fixture.signed(old, StunMethod.ALLOCATE, RequestedTransport.UDP), from);
        assertThat(errorCode(stale)).isEqualTo(438);
        assertThat(stale.message().attribute(Realm.class)).contains(new Realm(REALM));
        Nonce fresh = stale.message().attribute(Nonce.class).orElseThrow();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(isSuccess(fixture.answer(fixture.signed(fresh, StunMethod.ALLOCATE, RequestedTransport.UDP), from)))
                .isTrue();
    }

    @Test
    void aNonceIssuedToAnotherAddressGets401() {
        Nonce elsewhere = fixture.challenge(HandlerFixture.clientV6(40000));
        byte[] bytes = fixture.signed(elsewhere, StunMethod.ALLOCATE, RequestedTransport.UDP);
        assertThat(errorCode(fixture.answer(bytes, from))).isEqualTo(401);
    }

    @Test
    void pastTheLimitA401IsNotSentAtAll() {
        for (int i = 0; i < HandlerFixture.UNAUTHORIZED_LIMIT; i++) {
            fixture.challenge(client(41000 + i));
        }
        byte[] unsigned = request(StunMethod.ALLOCATE, RequestedTransport.UDP).toBytes();
        assertThat(fixture.handle(unsigned, client(42000)))
                .isEqualTo(new TurnReply.Ignore(Ignored.UNAUTHENTICATED_OVER_LIMIT));
        assertThat(fixture.stats.ignored(Ignored.UNAUTHENTICATED_OVER_LIMIT)).isEqualTo(1);
        assertThat(errorCode(fixture.answer(unsigned, HandlerFixture.clientV6(42000))))
                .as("another source has its own budget").isEqualTo(401);
        fixture.advance(fixture.config.unauthorizedWindow());
        assertThat(errorCode(fixture.answer(unsigned, client(42000)))).isEqualTo(401);
    }

    @Test
    void bindingNeedsNoCredentials() {
        assertThat(isSuccess(fixture.answer(request(StunMethod.BINDING).toBytes(), from))).isTrue();
    }

    @Test
    void everyTurnMethodIsBehindCredentials() {
        for (StunMethod method : new StunMethod[] {StunMethod.ALLOCATE, StunMethod.REFRESH,
                StunMethod.CREATE_PERMISSION, StunMethod.CHANNEL_BIND}) {
            fixture.advance(fixture.config.unauthorizedWindow());
            assertThat(errorCode(fixture.answer(request(method).toBytes(), from))).as(method.name()).isEqualTo(401);
        }
    }
}
