/**
 * STUN attributes, one record per attribute of RFC 8489 §14, each with its wire diagram, its
 * {@code decode(AttributeValue)} and its {@code writeValue}. Opaque bytes are {@link
 * org.webrtcscratch.stun.attr.ByteString}s, so every record has value equality.
 *
 * <p>Why {@link org.webrtcscratch.stun.attr.Attribute} is sealed but open to TURN: the server is an unnamed
 * module, where a sealed type may only permit subtypes of its own package. Rather than pour the TURN attributes
 * into this package or unseal everything, {@code Attribute} permits the RFC 8489 records plus one
 * {@code non-sealed} {@link org.webrtcscratch.stun.attr.ExtensionAttribute}; {@code turn.proto} seals its own
 * {@code TurnAttribute} under it. The XOR-ed address layout is the one other {@code non-sealed} door,
 * {@link org.webrtcscratch.stun.attr.XorAddressAttribute}, so that TURN's two XOR-ed addresses share its code.
 * Switches over either level stay exhaustive, and decoding is extended through
 * {@link org.webrtcscratch.stun.attr.AttributeDecoders#with} instead of this package knowing TURN's classes
 * ({@link org.webrtcscratch.stun.attr.AttributeType} does list TURN's codes: it mirrors the one IANA registry).
 *
 * <p>Record constructors hold the value rules (lengths, ranges) and throw {@code IllegalArgumentException};
 * the decoder reports those as decode errors naming the attribute.
 */
package org.webrtcscratch.stun.attr;
