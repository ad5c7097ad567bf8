package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.proto.Framing;
import org.webrtcscratch.turn.server.TcpIncident;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * One client's TCP (or TLS, {@link StreamIo}) connection: a reader that cuts the stream into STUN and ChannelData messages
 * ({@link Framing}, RFC 8656 §12.5) and a writer that sends what is queued for the client, each on a virtual
 * thread. Queuing means a relay thread never waits for a slow client. What is queued is budgeted in bytes
 * ({@link TcpLimits}): a client that lets more than its budget pile up is dropped, since a stream cannot lose
 * part of what it carries; when all clients together hold the total budget, the one being sent to is dropped if
 * it has bytes waiting, else the message is. The allocation made over the connection ends with it
 * (RFC 8656 §3.1). Bytes that start neither kind of message end the connection.
 */
final class TcpConnection implements ClientSink, ReturnPath {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private static final int INITIAL_READ_BUFFER = 8 * 1024;

    private final StreamIo io;
    private final FiveTuple fiveTuple;
    private final ClientTraffic traffic;
    private final AllocationManager allocations;
    private final Consumer<TcpConnection> onClose;
    private final TcpLimits limits;
    private final OutputBudget total;
    private final TurnStats stats;
    private final InstantSource clock;
    private final BlockingQueue<ByteBuffer> outbox = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastHeardMillis;
    private Thread writer;

    TcpConnection(StreamIo io, FiveTuple fiveTuple, ClientTraffic traffic, AllocationManager allocations,
            Consumer<TcpConnection> onClose, TcpLimits limits, OutputBudget total, TurnStats stats,
            InstantSource clock) {
        this.io = io;
        this.fiveTuple = fiveTuple;
        this.traffic = traffic;
        this.allocations = allocations;
        this.onClose = onClose;
        this.limits = limits;
        this.total = total;
        this.stats = stats;
        this.clock = clock;
        this.lastHeardMillis = clock.millis();
    }

    void start() {
        writer = Thread.ofVirtual().name("turn-tcp-writer " + fiveTuple.client()).start(this::writeLoop);
        Thread.ofVirtual().name("turn-tcp-reader " + fiveTuple.client()).start(this::readLoop);
    }

    FiveTuple fiveTuple() {
        return fiveTuple;
    }

    @Override
    public void send(ByteBuffer message) {
        int length = message.remaining();
        if (closed.get()) {
            return;
        }
        if (queuedBytes.get() + length > limits.outputBytes()) {
            drop(TcpIncident.OVER_OUTPUT_BUDGET);
            return;
        }
        if (!total.tryTake(length)) {
            if (queuedBytes.get() > 0) {
                drop(TcpIncident.OVER_TOTAL_OUTPUT_BUDGET);
            } else {
                stats.countTcpIncident(TcpIncident.OVER_TOTAL_OUTPUT_BUDGET);
            }
            return;
        }
        queuedBytes.addAndGet(length);
        outbox.add(ByteBuffer.allocate(length).put(message).flip());
        if (closed.get()) {
            release(); // closed while queuing: give back what close() may have missed
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

    /** Closes the connection if it has no allocation and has sent nothing for the idle timeout. */
    void closeIfIdle(long nowMillis) {
        if (nowMillis - lastHeardMillis >= limits.idleTimeout().toMillis() && allocations.find(fiveTuple).isEmpty()) {
            LOG.debug("closing {}: no allocation and nothing heard for {}", fiveTuple, limits.idleTimeout());
            stats.countTcpIncident(TcpIncident.IDLE_WITHOUT_ALLOCATION);
            close();
        }
    }

    private void readLoop() {
        ByteBuffer in = ByteBuffer.allocate(INITIAL_READ_BUFFER);
        try {
            while (io.read(in) >= 0) {
                lastHeardMillis = clock.millis();
                in.flip();
                in = dispatchFrames(in);
            }
        } catch (StunDecodeException e) {
            LOG.debug("closing {}: not STUN/TURN: {}", fiveTuple, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // A failed TLS handshake is an IOException; SSLSocket may throw unchecked ones on a closed socket.
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
                int length = message.remaining();
                try {
                    io.write(message);
                } finally {
                    queuedBytes.addAndGet(-length);
                    total.giveBack(length);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("writing to {} failed: {}", fiveTuple, e.toString());
            close();
        }
    }

    private void drop(TcpIncident why) {
        LOG.debug("dropping {}: {} bytes queued ({})", fiveTuple, queuedBytes.get(), why);
        stats.countTcpIncident(why);
        close();
    }

    /** Closes the connection, deletes its allocation and gives back its queued bytes; once. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        io.close();
        if (writer != null) {
            writer.interrupt();
        }
        release();
        allocations.release(fiveTuple);
        onClose.accept(this);
    }

    /** Empties the queue, giving its bytes back to the total budget. */
    private void release() {
        ByteBuffer message;
        while ((message = outbox.poll()) != null) {
            queuedBytes.addAndGet(-message.remaining());
            total.giveBack(message.remaining());
        }
    }
}
