/**
 * The signaling protocol (docs/protocol.md; its message types are listed once in web/protocol-messages.json),
 * free of HTTP and sockets. A transport hands each connection's frames to the connection gate,
 * {@link org.webrtcscratch.signaling.SignalingService}: admission, rate, size, decoding
 * ({@link org.webrtcscratch.signaling.SignalingCodec}), shutdown. The room protocol behind it
 * ({@code RoomProtocol}) joins, resumes, relays and announces, knowing membership only through
 * {@link org.webrtcscratch.signaling.Rooms} and peers only through {@link org.webrtcscratch.signaling.Delivery}.
 * What happens is told to one {@link org.webrtcscratch.signaling.SignalingEvents} sink, and time comes from an
 * injected {@link org.webrtcscratch.signaling.SignalingClock}. docs/architecture.md, "State and threading",
 * states the ordering guarantees.
 */
package org.webrtcscratch.signaling;
