/**
 * The STUN/TURN protocol logic, without sockets: {@link org.webrtcscratch.turn.server.TurnHandler} takes one
 * message and its 5-tuple and returns a {@link org.webrtcscratch.turn.server.TurnReply} (answer, answer and
 * start relaying, forward to a peer, or nothing) for a transport to carry out.
 *
 * <ul>
 *   <li>{@link org.webrtcscratch.turn.server.Authenticator}: the long-term credential mechanism (RFC 8489
 *       §9.2.4) in the RFC's order, with the 401 limit per source.</li>
 *   <li>{@code Responses}: ERROR-CODE, SOFTWARE, MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT as the request asks,
 *       and the 2x size bound for answers to unauthenticated requests.</li>
 *   <li>{@link org.webrtcscratch.turn.server.PeerDataFraming}: ChannelData and Data indications written in
 *       front of a peer's payload, in place.</li>
 *   <li>{@link org.webrtcscratch.turn.server.TurnStats}: counters for {@code metrics.TurnMetrics}.</li>
 * </ul>
 *
 * Everything here is thread-safe and reads time only through the allocation manager's and the nonce
 * manager's injected clocks.
 */
package org.webrtcscratch.turn.server;
