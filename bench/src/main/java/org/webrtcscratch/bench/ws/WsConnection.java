package org.webrtcscratch.bench.ws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client WebSocket owned by a {@link WsEventLoop}. Sends are buffered and written when the loop flushes
 * (once per loop turn), so a burst of messages to one connection costs one system call. Not thread-safe:
 * use it only on its loop's thread.
 */
public final class WsConnection {

    private static final int INITIAL_OUTPUT = 256;

    final SocketChannel channel;
    final InetSocketAddress server;
    final String target;
    final WsHandshake handshake = WsHandshake.random();
    final WsEventLoop loop;
    SelectionKey key;
    boolean open;
    boolean closed;
    boolean dirty;
    /** Bytes read but not yet a whole frame (or handshake), kept between reads; null when none. */
    byte[] leftover;
    private ByteBuffer output;
    private Object attachment;

    WsConnection(SocketChannel channel, InetSocketAddress server, String target, WsEventLoop loop, Object attachment) {
        this.channel = channel;
        this.server = server;
        this.target = target;
        this.loop = loop;
        this.attachment = attachment;
    }

    /** Queues a text message (ASCII) for the next flush. */
    public void sendText(String text) {
        send(WsFrames.OP_TEXT, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(int opcode, byte[] payload) {
        if (closed) {
            return;
        }
        int size = WsFrames.maskedFrameSize(payload.length);
        ensureOutput(size);
        WsFrames.writeMasked(output, opcode, payload, ThreadLocalRandom.current().nextInt());
        loop.markDirty(this);
    }

    void queueRaw(byte[] bytes) {
        ensureOutput(bytes.length);
        output.put(bytes);
        loop.markDirty(this);
    }

    /** Writes what is queued; returns true when everything went out. */
    boolean flush() throws IOException {
        if (output == null || output.position() == 0) {
            return true;
        }
        output.flip();
        channel.write(output);
        boolean all = !output.hasRemaining();
        output.compact();
        return all;
    }

    private void ensureOutput(int more) {
        if (output == null) {
            output = ByteBuffer.allocate(Math.max(INITIAL_OUTPUT, more));
        } else if (output.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(output.capacity() * 2, output.position() + more));
            output.flip();
            bigger.put(output);
            output = bigger;
        }
    }

    public boolean isOpen() {
        return open && !closed;
    }

    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    /** Closes the socket at once (no close handshake: the bench ends connections by the thousand). */
    public void abort() {
        loop.abort(this, "closed by the bench");
    }
}
