/**
 * The STUN/TURN server's sockets: thin shells around {@link org.webrtcscratch.turn.server.TurnHandler}. UDP and
 * TCP share everything after framing ({@code ClientTraffic}): ChannelData goes straight to the peer through a
 * lock-free allocation lookup, STUN messages go to the handler and its reply is carried out. Entry point:
 * {@link org.webrtcscratch.turn.transport.TurnTransports}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li><b>UDP: one event loop per core</b> ({@code EventLoops}), each a platform thread on a {@code Selector}.
 *       Every listen address gets one socket per loop, bound together with SO_REUSEPORT; the kernel hashes a
 *       client to one socket, so its messages stay in order. A loop also reads the relay ports of the
 *       allocations made through its socket, so a datagram is received, handled and relayed on one thread in
 *       both directions, with one reused direct buffer (peer data is read 48 bytes in and framed in place).</li>
 *   <li><b>TCP</b>: one accepting thread per address, then a virtual thread reading each connection and one
 *       writing it from a bounded queue, so a loop never waits for a slow TCP client (a full queue drops whole
 *       messages). Allocations made over TCP have their relay ports spread over the loops.</li>
 * </ul>
 *
 * <h2>Why this shape (measured)</h2>
 * The first version had a platform thread blocked in {@code receive} per UDP socket and separate selector
 * threads for relay ports. With the bench's load client against {@code serve} on this 2-core machine
 * (ChannelData ping-pong through the relay to a UDP echo, 10 sessions), it spent about 13-17 µs of server CPU
 * per round trip against coturn's 10-12 µs: each round trip woke two threads and passed the packet between
 * them. With the loops owning both sides it is 10-12 µs, on par with coturn, and at 100 sessions both are at
 * 8-10 µs; STUN Binding costs about 4 µs of server CPU against coturn's 4.5-5 µs. (Noisy numbers: other work
 * shared the machine; CPU per operation was the steadier measure.) A virtual thread per relay port was not
 * pursued: each blocking receive that parks registers the socket with the JDK's poller again, more system
 * calls per datagram than a selector that stays registered.
 *
 * <p>A relay port closed while registered is released by the JDK only when its selector next wakes, so the
 * loops wake at least once a second.
 */
package org.webrtcscratch.turn.transport;
