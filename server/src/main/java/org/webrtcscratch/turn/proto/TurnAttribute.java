package org.webrtcscratch.turn.proto;

import org.webrtcscratch.stun.attr.ExtensionAttribute;

/** The attributes RFC 8656 §18 adds to STUN; a switch over them is exhaustive. */
public sealed interface TurnAttribute extends ExtensionAttribute
        permits ChannelNumber, Lifetime, XorPeerAddress, Data, XorRelayedAddress, AddressFamilyAttribute,
        EvenPort, RequestedTransport, DontFragment, ReservationToken, AddressErrorCode,
        Icmp {
}
