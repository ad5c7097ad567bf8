package org.webrtcscratch.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.server.HandlerFixture.client;
import static org.webrtcscratch.turn.server.HandlerFixture.errorCode;
import static org.webrtcscratch.turn.server.HandlerFixture.isSuccess;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.IntegrityKeys;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;

/**
 * Time-limited credentials live minutes and calls hours: an expired credential makes no new allocation, but the
 * allocation made with it while it was good is still refreshed, and its permissions, by its owner.
 */
class ExpiredCredentialTest {

    private final HandlerFixture fixture = new HandlerFixture();
    private final FiveTuple owner = client(40000);
    private final String username = (fixture.clock.instant().getEpochSecond() + 60) + ":carol";
    private final byte[] key = IntegrityKeys.longTermMd5(username, HandlerFixture.REALM,
            HandlerFixture.REST_SECRET.passwordFor(username));

    @AfterEach
    void close() {
        fixture.close();
    }

    private DecodedMessage send(FiveTuple from, Nonce nonce, StunMethod method, Attribute... attributes) {
        byte[] request = fixture.withCredentials(HandlerFixture.request(method, attributes), username, nonce)
                .messageIntegrity(key).toBytes();
        return fixture.answer(request, from);
    }

    @Test
    void anExpiredCredentialKeepsItsAllocationButMakesNoNewOne() {
        Nonce nonce = fixture.challenge(owner);
        assertThat(isSuccess(send(owner, nonce, StunMethod.ALLOCATE, RequestedTransport.UDP))).isTrue();

        fixture.advance(Duration.ofSeconds(120));
        assertThat(errorCode(send(client(40001), nonce, StunMethod.ALLOCATE, RequestedTransport.UDP)))
                .as("a new allocation with the expired credential").isEqualTo(401);

        assertThat(isSuccess(send(owner, nonce, StunMethod.CREATE_PERMISSION,
                new XorPeerAddress(HandlerFixture.PEER)))).as("its owner's permission").isTrue();
        DecodedMessage refreshed = send(owner, nonce, StunMethod.REFRESH, new Lifetime(600));
        assertThat(isSuccess(refreshed)).as("its owner's refresh").isTrue();
        assertThat(refreshed.message().attribute(Lifetime.class)).contains(new Lifetime(600));
    }
}
