package org.webrtcscratch.stun.attr;

/**
 * Turns one attribute's value into its record. Implementations throw {@link
 * org.webrtcscratch.stun.header.StunDecodeException} (through {@link AttributeValue#error}) or let a record
 * constructor's {@link IllegalArgumentException} escape; the message decoder turns the latter into a
 * {@code StunDecodeException} naming the attribute.
 */
@FunctionalInterface
public interface AttributeDecoder {
    Attribute decode(AttributeValue value);
}
