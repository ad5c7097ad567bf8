package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.proto.Framing;

/**
 * One client's TCP connection: a reader that cuts the stream into STUN and ChannelData messages
 * ({@link Framing}, RFC 8656 §12.5) and a writer that sends what is queued for the client, each on a virtual
 * thread. Queuing means a relay thread never waits for a slow client: when the queue is full, the message is
 * dropped whole (a stream cannot lose half a message). The allocation made over the connection ends with it
 * (RFC 8656 §3.1). Bytes that start neither kind of message end the connection.
 */
final class TcpConnection implements ClientSink, ReturnPath {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    /** Messages waiting for a slow client before new ones are dropped. */
    private static final int MAX_QUEUED = 1024;
    private static final int INITIAL_READ_BUFFER = 8 * 1024;

    private final SocketChannel channel;
    private final FiveTuple fiveTuple;
    private final ClientTraffic traffic;
    private final AllocationManager allocations;
    private final Consumer<TcpConnection> onClose;
    private final BlockingQueue<ByteBuffer> outbox = new ArrayBlockingQueue<>(MAX_QUEUED);
    private Thread writer;

    TcpConnection(SocketChannel channel, FiveTuple fiveTuple, ClientTraffic traffic, AllocationManager allocations,
            Consumer<TcpConnection> onClose) {
        this.channel = channel;
        this.fiveTuple = fiveTuple;
        this.traffic = traffic;
        this.allocations = allocations;
        this.onClose = onClose;
    }

    void start() {
        writer = Thread.ofVirtual().name("turn-tcp-writer " + fiveTuple.client()).start(this::writeLoop);
        Thread.ofVirtual().name("turn-tcp-reader " + fiveTuple.client()).start(this::readLoop);
    }

    @Override
    public void send(ByteBuffer message) {
        ByteBuffer copy = ByteBuffer.allocate(message.remaining()).put(message).flip();
        if (!outbox.offer(copy)) {
            LOG.debug("dropping a message for {}: {} queued", fiveTuple.client(), MAX_QUEUED);
        }
    }

    @Override
    public boolean isStream() {
        return true;
    }

    /** Everything goes back over this connection. */
    @Override
    public ClientSink to(FiveTuple client) {
        return this;
    }

    private void readLoop() {
        ByteBuffer in = ByteBuffer.allocate(INITIAL_READ_BUFFER);
        try {
            while (channel.read(in) >= 0) {
                in.flip();
                in = dispatchFrames(in);
            }
        } catch (StunDecodeException e) {
            LOG.debug("closing {}: not STUN/TURN: {}", fiveTuple, e.getMessage());
        } catch (IOException e) {
            LOG.debug("connection {} ended: {}", fiveTuple, e.toString());
        } finally {
            close();
        }
    }

    /** Hands every complete frame on, then returns the buffer to read more into (grown if a frame needs it). */
    private ByteBuffer dispatchFrames(ByteBuffer in) {
        int length;
        while ((length = Framing.frameLength(in)) >= 0 && in.remaining() >= length) {
            traffic.onMessage(in.slice(in.position(), length), fiveTuple, this);
            in.position(in.position() + length);
        }
        if (length > in.capacity()) {
            return ByteBuffer.allocate(length).put(in);
        }
        return in.compact();
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer message = outbox.take();
                while (message.hasRemaining()) {
                    channel.write(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("writing to {} failed: {}", fiveTuple, e.toString());
            close();
        }
    }

    /** Closes the connection and deletes its allocation; idempotent. */
    void close() {
        Sockets.closeQuietly(channel);
        if (writer != null) {
            writer.interrupt();
        }
        allocations.release(fiveTuple);
        onClose.accept(this);
    }
}
