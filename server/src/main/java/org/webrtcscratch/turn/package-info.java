/**
 * The TURN server (RFC 8656) apart from its wire format ({@code proto}): its configuration and wiring
 * ({@link org.webrtcscratch.turn.TurnConfig}, {@link org.webrtcscratch.turn.TurnServer}) here, allocation state
 * in {@code allocation}, the long-term credential mechanism in {@code auth}, which peers may be relayed to in
 * {@code policy}, what happened in {@code event}, one message in and one reply out in {@code server}, and the
 * sockets in {@code transport}. Below {@code transport}, nothing opens a socket except
 * {@link org.webrtcscratch.turn.allocation.UdpRelayPortBinder}; all of it reads time from an injected
 * {@link java.time.InstantSource}.
 */
package org.webrtcscratch.turn;
