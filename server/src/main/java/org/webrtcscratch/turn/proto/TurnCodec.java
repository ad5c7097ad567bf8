package org.webrtcscratch.turn.proto;

import org.webrtcscratch.stun.StunDecoder;
import org.webrtcscratch.stun.attr.AttributeDecoders;
import org.webrtcscratch.stun.attr.AttributeType;

/** The STUN decoder of a TURN server: RFC 8489 attributes plus those of RFC 8656. */
public final class TurnCodec {

    public static final AttributeDecoders ATTRIBUTE_DECODERS = AttributeDecoders.stun()
            .with(AttributeType.CHANNEL_NUMBER, ChannelNumber::decode)
            .with(AttributeType.LIFETIME, Lifetime::decode)
            .with(AttributeType.XOR_PEER_ADDRESS, XorPeerAddress::decode)
            .with(AttributeType.DATA, Data::decode)
            .with(AttributeType.XOR_RELAYED_ADDRESS, XorRelayedAddress::decode)
            .with(AttributeType.REQUESTED_ADDRESS_FAMILY, RequestedAddressFamily::decode)
            .with(AttributeType.EVEN_PORT, EvenPort::decode)
            .with(AttributeType.REQUESTED_TRANSPORT, RequestedTransport::decode)
            .with(AttributeType.DONT_FRAGMENT, DontFragment::decode)
            .with(AttributeType.RESERVATION_TOKEN, ReservationToken::decode)
            .with(AttributeType.ADDITIONAL_ADDRESS_FAMILY, AdditionalAddressFamily::decode)
            .with(AttributeType.ADDRESS_ERROR_CODE, AddressErrorCode::decode)
            .with(AttributeType.ICMP, Icmp::decode);

    /** Thread-safe; share it. */
    public static final StunDecoder DECODER = new StunDecoder(ATTRIBUTE_DECODERS);

    private TurnCodec() {
    }
}
