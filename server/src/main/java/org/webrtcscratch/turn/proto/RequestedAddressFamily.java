package org.webrtcscratch.turn.proto;

import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;

/**
 * REQUESTED-ADDRESS-FAMILY, RFC 8656 §18.6: the family of relayed address the client wants; an unknown one is
 * answered 440 (Address Family not Supported, §7.2). Laid out as {@link AddressFamilyAttribute} shows.
 */
public record RequestedAddressFamily(int familyCode) implements AddressFamilyAttribute {

    public RequestedAddressFamily {
        AddressFamilyAttribute.requireByte(familyCode);
    }

    public static RequestedAddressFamily of(AddressFamily family) {
        return new RequestedAddressFamily(family.code());
    }

    public static RequestedAddressFamily decode(AttributeValue value) {
        return new RequestedAddressFamily(AddressFamilyAttribute.readCode(value));
    }

    @Override
    public int type() {
        return AttributeType.REQUESTED_ADDRESS_FAMILY.code();
    }
}
