package org.webrtcscratch.bench.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client for load generation: many connections on one selector, driven by the caller's thread
 * through {@link #poll}. Chosen over {@code java.net.http.WebSocket} and Jetty's client because it keeps no
 * per-connection thread, read buffer or executor: an idle connection costs its socket, a key and this
 * small object, which is what lets one process on a shared 2-core machine hold 100,000 of them and still
 * leave most of the CPU to the server under test.
 */
public final class WsEventLoop implements AutoCloseable {

    /** Largest server frame (plus leftovers) this client reads at once. */
    private static final int READ_BUFFER_SIZE = 256 * 1024;

    private final Selector selector;
    private final WsListener listener;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final List<WsConnection> dirty = new ArrayList<>();
    private int connections;

    public WsEventLoop(WsListener listener) {
        this.listener = listener;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /**
     * Starts connecting to {@code server} from {@code localAddress} (a loopback alias such as 127.0.0.2,
     * so more than one ephemeral port range is available) and upgrading at {@code target}.
     */
    public WsConnection connect(InetSocketAddress server, InetAddress localAddress, String target, Object attachment)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            // Ports of the last run's connections may still be in TIME_WAIT: let bind take them again.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(localAddress, 0));
            WsConnection connection = new WsConnection(channel, server, target, this, attachment);
            boolean connected = channel.connect(server);
            connection.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
                    connection);
            connections++;
            if (connected) {
                startHandshake(connection);
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void startHandshake(WsConnection connection) {
        connection.queueRaw(connection.handshake.request(connection.server.getHostString(), connection.server.getPort(),
                connection.target));
    }

    /** Handles whatever is ready, waiting at most {@code timeoutMillis} (0: do not wait), then flushes sends. */
    public void poll(long timeoutMillis) throws IOException {
        flushDirty();
        if (timeoutMillis <= 0) {
            selector.selectNow(this::handle);
        } else {
            selector.select(this::handle, timeoutMillis);
        }
        flushDirty();
    }

    /** Open connections (connecting, handshaking or upgraded). */
    public int connections() {
        return connections;
    }

    void markDirty(WsConnection connection) {
        if (!connection.dirty) {
            connection.dirty = true;
            dirty.add(connection);
        }
    }

    private void flushDirty() {
        for (int i = 0; i < dirty.size(); i++) {
            WsConnection connection = dirty.get(i);
            connection.dirty = false;
            if (connection.closed || !connection.channel.isConnected()) {
                continue;
            }
            try {
                int interest = connection.flush() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE;
                if (connection.key.interestOps() != interest) {
                    connection.key.interestOps(interest);
                }
            } catch (IOException e) {
                abort(connection, "write failed: " + e.getMessage());
            }
        }
        dirty.clear();
    }

    private void handle(SelectionKey key) {
        WsConnection connection = (WsConnection) key.attachment();
        try {
            if (key.isConnectable()) {
                connection.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                startHandshake(connection);
                return;
            }
            if (key.isWritable()) {
                markDirty(connection);
            }
            if (key.isReadable()) {
                read(connection);
            }
        } catch (IOException | RuntimeException e) {
            abort(connection, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void read(WsConnection connection) throws IOException {
        readBuffer.clear();
        if (connection.leftover != null) {
            readBuffer.put(connection.leftover);
            connection.leftover = null;
        }
        int read = connection.channel.read(readBuffer);
        if (read < 0) {
            abort(connection, "the server closed the socket");
            return;
        }
        readBuffer.flip();
        if (!connection.open) {
            if (!connection.handshake.consumeResponse(readBuffer)) {
                keepLeftover(connection);
                return;
            }
            connection.open = true;
            listener.onOpen(connection);
        }
        WsFrames.Frame frame;
        while (!connection.closed && (frame = WsFrames.read(readBuffer)) != null) {
            switch (frame.opcode()) {
                case WsFrames.OP_TEXT -> listener.onText(connection, new String(frame.payload(), StandardCharsets.ISO_8859_1));
                case WsFrames.OP_PING -> connection.send(WsFrames.OP_PONG, frame.payload());
                case WsFrames.OP_CLOSE -> abort(connection, "close frame from the server" + closeReason(frame.payload()));
                default -> { } // pongs and binary frames carry nothing the bench needs
            }
        }
        if (!connection.closed) {
            if (readBuffer.remaining() == readBuffer.capacity()) {
                abort(connection, "a frame larger than " + READ_BUFFER_SIZE + " bytes");
            } else {
                keepLeftover(connection);
            }
        }
    }

    private void keepLeftover(WsConnection connection) {
        if (readBuffer.hasRemaining()) {
            connection.leftover = new byte[readBuffer.remaining()];
            readBuffer.get(connection.leftover);
        }
    }

    private static String closeReason(byte[] payload) {
        if (payload.length < 2) {
            return "";
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        return " " + code + " " + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
    }

    void abort(WsConnection connection, String reason) {
        if (connection.closed) {
            return;
        }
        connection.closed = true;
        connections--;
        connection.key.cancel();
        try {
            connection.channel.close();
        } catch (IOException ignored) {
            // closing is best effort; the socket is gone either way
        }
        listener.onClosed(connection, reason);
    }

    @Override
    public void close() throws IOException {
        for (SelectionKey key : List.copyOf(selector.keys())) {
            abort((WsConnection) key.attachment(), "loop closed");
        }
        selector.close();
    }
}
