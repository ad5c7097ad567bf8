package org.webrtcscratch.turn.proto;

import org.webrtcscratch.stun.attr.AddressFamily;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;

/**
 * ADDITIONAL-ADDRESS-FAMILY, RFC 8656 §18.11: asks for a second, IPv6 relayed address besides the IPv4 one
 * (dual allocation, §7.2). Only IPv6 is valid, which the Allocate checks (400 otherwise). Laid out as
 * {@link AddressFamilyAttribute} shows.
 */
public record AdditionalAddressFamily(int familyCode) implements AddressFamilyAttribute {

    public AdditionalAddressFamily {
        AddressFamilyAttribute.requireByte(familyCode);
    }

    public static AdditionalAddressFamily of(AddressFamily family) {
        return new AdditionalAddressFamily(family.code());
    }

    public static AdditionalAddressFamily decode(AttributeValue value) {
        return new AdditionalAddressFamily(AddressFamilyAttribute.readCode(value));
    }

    @Override
    public int type() {
        return AttributeType.ADDITIONAL_ADDRESS_FAMILY.code();
    }
}
