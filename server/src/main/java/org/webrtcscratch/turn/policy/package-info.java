/**
 * Which peer addresses the TURN server relays to. {@link org.webrtcscratch.turn.policy.PeerAddressPolicy}
 * refuses loopback, private, link-local, multicast and other special-purpose ranges
 * ({@link org.webrtcscratch.turn.policy.SpecialPurposeRange}) unless configured otherwise, looks through
 * IPv6 forms that carry an IPv4 address ({@link org.webrtcscratch.turn.policy.EmbeddedIpv4}), and applies
 * explicit {@link org.webrtcscratch.turn.policy.Cidr} allow and deny lists. A refusal is a 403 to
 * CreatePermission or ChannelBind (RFC 8656 §10.2, §12.2). Everything here is immutable.
 */
package org.webrtcscratch.turn.policy;
