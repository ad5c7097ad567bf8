/**
 * The TURN server (RFC 8656) apart from its wire format: {@link org.webrtcscratch.turn.TurnConfig} here,
 * allocation state in {@code allocation}, the long-term credential mechanism in {@code auth}, and which
 * peers may be relayed to in {@code policy}. None of it opens a socket except
 * {@link org.webrtcscratch.turn.allocation.UdpRelayPortBinder}; all of it reads time from an injected
 * {@link java.time.InstantSource}.
 */
package org.webrtcscratch.turn;
