/**
 * TURN allocation state (RFC 8656 §6-§12): what exists, who owns it, and where relayed data goes.
 *
 * <h2>Use</h2>
 * A request handler authenticates a request, decodes it and calls one
 * {@link org.webrtcscratch.turn.allocation.AllocationManager} method per TURN method: {@code allocate},
 * {@code refresh}, {@code createPermissions}, {@code bindChannel}. Each returns a sealed outcome, the success
 * values or a {@link org.webrtcscratch.turn.allocation.Rejection} carrying the
 * {@link org.webrtcscratch.stun.attr.StunErrorCode} to answer with. The relay path finds an
 * {@link org.webrtcscratch.turn.allocation.Allocation} by 5-tuple (client side) or holds it (relay side)
 * and asks it where each datagram goes: {@code routeSend}, {@code routeChannelData} and
 * {@code routeFromPeer} return a {@link org.webrtcscratch.turn.allocation.ClientToPeer} or
 * {@link org.webrtcscratch.turn.allocation.PeerToClient}, where a
 * {@link org.webrtcscratch.turn.allocation.Dropped} says why nothing is sent.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>Reads are lock-free: the manager indexes allocations in {@code ConcurrentHashMap}s by 5-tuple and by
 *       relayed address; an allocation keeps permissions and channel bindings in {@code ConcurrentHashMap}s
 *       of immutable records and its expiry in a volatile field. The relay path therefore never blocks on a
 *       request being handled.</li>
 *   <li>Creating and deleting allocations (and quotas, port binding, reservations) happen under one
 *       manager lock. Changing one allocation (permissions, bindings, lifetime) happens under that
 *       allocation's lock, so check-then-act rules such as "channel number free" are atomic. Lock order:
 *       manager, then allocation.</li>
 *   <li>Expiry is checked on every read against the injected clock, so an expired allocation, permission or
 *       binding stops relaying at once; {@code AllocationManager.sweepExpired()} (call it every second or so)
 *       only reclaims memory and relay ports.</li>
 *   <li>The per-allocation bandwidth cap is a small synchronized token bucket per direction; each direction
 *       is driven by one thread in practice, so it is uncontended.</li>
 *   <li>What an allocation relayed ({@link org.webrtcscratch.turn.allocation.RelayedTraffic}: bytes and
 *       datagrams each way) is counted by the transports after each send, in plain fields: each direction has
 *       one writing thread, and readers elsewhere read them opaquely.</li>
 * </ul>
 *
 * <h2>Sockets</h2>
 * Relay ports are bound through {@link org.webrtcscratch.turn.allocation.RelayPortBinder};
 * {@link org.webrtcscratch.turn.allocation.UdpRelayPortBinder} binds real {@code DatagramChannel}s and the
 * manager closes them when their allocation goes, which ends a relay loop blocked in
 * {@link org.webrtcscratch.turn.allocation.RelayPort#receive}.
 */
package org.webrtcscratch.turn.allocation;
