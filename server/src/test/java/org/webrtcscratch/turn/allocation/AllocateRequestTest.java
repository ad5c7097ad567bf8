package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.allocation.Fixture.ALICE;
import static org.webrtcscratch.turn.allocation.Fixture.tuple;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.StunMessage;
import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.StunErrorCode;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;
import org.webrtcscratch.turn.proto.AdditionalAddressFamily;
import org.webrtcscratch.turn.proto.EvenPort;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedAddressFamily;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.ReservationToken;

/** The attribute rules of an Allocate (RFC 8656 §7.2), checked before the state is asked. */
class AllocateRequestTest {

    private static final TransactionId ID = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");

    private static ParsedAllocate parse(Attribute... attributes) {
        return AllocateRequest.parse(StunMessage.of(MessageType.of(StunMethod.ALLOCATE, MessageClass.REQUEST), ID,
                attributes), tuple(1000), ALICE);
    }

    private static StunErrorCode refusal(Attribute... attributes) {
        return ((Rejection) parse(attributes)).code();
    }

    @Test
    void aValidAllocateCarriesWhatTheManagerNeeds() {
        var valid = (ParsedAllocate.Valid) parse(RequestedTransport.UDP, new EvenPort(true),
                RequestedAddressFamily.of(AddressFamily.IPV6), Lifetime.of(Duration.ofMinutes(20)));

        assertThat(valid.request()).isEqualTo(new AllocateRequest(tuple(1000), ALICE, ID.toBytes(),
                Optional.of(AddressFamily.IPV6), Optional.of(Duration.ofMinutes(20)), new PortRequest.EvenPort(true)));
        assertThat(valid.ipv6Declined()).isFalse();
        assertThat(((ParsedAllocate.Valid) parse(RequestedTransport.UDP, new ReservationToken(7))).request().port())
                .isEqualTo(new PortRequest.ReservedPort(7));
        assertThat(((ParsedAllocate.Valid) parse(RequestedTransport.UDP)).request().port()).isEqualTo(PortRequest.ANY);
    }

    @Test
    void requestedTransportIsRequiredAndMustBeUdp() {
        assertThat(refusal()).isEqualTo(StunErrorCode.BAD_REQUEST);
        assertThat(refusal(new RequestedTransport(6))).isEqualTo(StunErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL);
    }

    @Test
    void aReservationTokenGoesWithNeitherEvenPortNorARequestedFamily() {
        assertThat(refusal(RequestedTransport.UDP, new EvenPort(false), new ReservationToken(7)))
                .isEqualTo(StunErrorCode.BAD_REQUEST);
        assertThat(refusal(RequestedTransport.UDP, new ReservationToken(7), RequestedAddressFamily.of(AddressFamily.IPV4)))
                .isEqualTo(StunErrorCode.BAD_REQUEST);
    }

    @Test
    void additionalAddressFamilyAsksForIpv6AloneAndIsDeclined() {
        assertThat(((ParsedAllocate.Valid) parse(RequestedTransport.UDP, AdditionalAddressFamily.of(AddressFamily.IPV6)))
                .ipv6Declined()).isTrue();
        assertThat(refusal(RequestedTransport.UDP, AdditionalAddressFamily.of(AddressFamily.IPV4)))
                .isEqualTo(StunErrorCode.BAD_REQUEST);
        assertThat(refusal(RequestedTransport.UDP, AdditionalAddressFamily.of(AddressFamily.IPV6),
                RequestedAddressFamily.of(AddressFamily.IPV6))).isEqualTo(StunErrorCode.BAD_REQUEST);
    }

    @Test
    void anUndefinedFamilyIs440() {
        assertThat(refusal(RequestedTransport.UDP, new RequestedAddressFamily(3)))
                .isEqualTo(StunErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED);
        assertThat(AllocateRequest.unknownFamily(Optional.of(RequestedAddressFamily.of(AddressFamily.IPV4)))).isEmpty();
    }
}
