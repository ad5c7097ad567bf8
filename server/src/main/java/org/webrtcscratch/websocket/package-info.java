/**
 * Our WebSocket server (RFC 6455) on Jetty's connections. The protocol is in pure parts, tested without
 * sockets or clocks: {@link org.webrtcscratch.websocket.Handshake}, {@link org.webrtcscratch.websocket.FrameParser}
 * (bytes to frames), {@link org.webrtcscratch.websocket.MessageAssembler} (frames to messages),
 * {@link org.webrtcscratch.websocket.FrameEncoder} and {@code Outbound}, the sending side: its queue, the order
 * of the closing handshake and keep-alive, with the time passed in. Two shells do the I/O:
 * {@link org.webrtcscratch.websocket.WebSocketUpgrade} answers the HTTP upgrade and {@code WebSocketConnection}
 * feeds a Jetty endpoint's bytes and events to the pure parts and does what they return.
 *
 * <h2>Threads and locks</h2>
 *
 * <p>A connection is read by the selector thread that saw its bytes (Jetty runs our non-blocking
 * {@code onFillable} in place): frames are parsed, assembled and handed to the listener one message at a time,
 * on that thread. Sends and closes come from any thread: the reader of another connection relaying to this one,
 * the resume-window scheduler, shutdown. A write completes on the thread that finished it: the sender's when
 * the socket took everything at once, else the selector's. The idle timer runs on Jetty's scheduler, and
 * {@code onClose} on Jetty's pool (its selector hands the closed endpoint over), never inside a send or a close.
 *
 * <p>Each connection has two locks, always taken in this order:
 * <ol>
 *   <li>the <b>listener lock</b>, held while the listener runs ({@code onOpen}'s call, {@code onText},
 *       {@code onBinary}, {@code onClose}), so its calls come one at a time and {@code onClose} last. Under it
 *       the application takes its own locks (signaling: a room's map entry, the room, a mailbox) and may send
 *       to or close any connection, its own included;</li>
 *   <li>the <b>output lock</b>, the monitor of the connection's {@code Outbound}, held only while it takes one
 *       event and hands back its action. Nothing is called under it: no I/O, no listener, no logging, no other
 *       lock. The shell writes, closes and logs after releasing it. The reader also takes it, inside the
 *       listener lock, to see whether the connection is closing before delivering a message.</li>
 * </ol>
 * The reader records that the peer was heard without any lock ({@code Outbound.heard} writes one volatile).
 *
 * <p>The relay path: the selector thread reading A holds A's listener lock, then B's mailbox lock, then B's
 * output lock for the moment it takes to queue the frame or start its write; it writes to B's endpoint after
 * releasing the output lock, still inside the other two. It cannot deadlock or stall because
 * <ul>
 *   <li>the output lock is a leaf, taken last and released before anything is called, so a thread holding
 *       any lock may send to any connection;</li>
 *   <li>no thread holds two listener locks: a send or a close never runs a listener inline (onClose is
 *       dispatched), and a write that completes inline takes only B's output lock, which its thread no longer
 *       holds;</li>
 *   <li>nothing under these locks waits: a write takes what the socket takes now and Jetty keeps the rest with
 *       our callback, so a slow B does not hold up A's selector; B's queue grows until B is dropped.</li>
 * </ul>
 */
package org.webrtcscratch.websocket;
