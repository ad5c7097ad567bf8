package org.webrtcscratch.stun.attr;

/**
 * An attribute defined by a STUN usage outside this package, such as the TURN attributes of
 * {@code org.webrtcscratch.turn.proto}. It exists because a sealed interface in an unnamed module may only
 * permit types of its own package: {@link Attribute} stays sealed over the RFC 8489 attributes and leaves this
 * one door open; each usage then seals its own sub-interface ({@code TurnAttribute}).
 */
public non-sealed interface ExtensionAttribute extends Attribute {
}
