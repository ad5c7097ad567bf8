package org.webrtcscratch.websocket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.websocket.Outbound.Action;

/**
 * One WebSocket on a Jetty endpoint, once the HTTP handshake is done: the thin I/O shell around
 * {@link FrameParser}, {@link MessageAssembler} and {@link Outbound}. An idle socket holds no buffer: one is
 * borrowed from the pool for each read and frames are queued only while a write is in flight, so a connection
 * costs its endpoint and a few small objects. Keep-alive needs no task of its own: {@link Outbound} checks the
 * peer's silence when the endpoint's idle timer expires and on every send. Reads are non-blocking work run by
 * the selector thread that noticed them, so each selector is an event loop: a message is read, handled and
 * relayed without waking another thread. Nothing on that path may wait: sends never wait (a frame is written
 * if the socket takes it now, else queued), locks are held briefly. Threads and locks: see package-info.
 */
final class WebSocketConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeTo, WebSocket {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final int READ_BUFFER_BYTES = 4096;

    private final ByteBufferPool buffers;
    private final WebSocketSettings settings;
    private final WebSocketEndpoint endpoint;
    private final String host;
    private final FrameParser parser;
    private final MessageAssembler assembler;
    /** Guarded by its own monitor, the output lock; held only while it takes an event (see package-info). */
    private final Outbound outbound;
    private final Callback writeCompletion = new WriteCompletion();
    private WebSocketListener listener;
    /**
     * Keeps the listener's calls one at a time and {@code onClose} last: the endpoint may be closed by another
     * thread (a failed write, the idle timer) while a message is being handled.
     */
    private final Object listenerLock = new Object();
    private boolean listenerClosed;
    private ByteBuffer upgradeBytes;

    WebSocketConnection(EndPoint endPoint, Executor executor, ByteBufferPool buffers, WebSocketSettings settings,
                        WebSocketEndpoint endpoint, String host) {
        super(endPoint, executor);
        this.buffers = buffers;
        this.settings = settings;
        this.endpoint = endpoint;
        this.host = host;
        this.parser = new FrameParser(settings.maxMessageBytes());
        this.assembler = new MessageAssembler(settings.maxMessageBytes());
        // The upgrade request: last heard now.
        this.outbound = new Outbound(settings, settings.budget().open(remoteInetAddress(endPoint)), System.nanoTime());
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        upgradeBytes = BufferUtil.copy(buffer);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(settings.pingInterval().toMillis());
        synchronized (listenerLock) {
            listener = endpoint.onOpen(this);
        }
        ByteBuffer early = upgradeBytes;
        upgradeBytes = null;
        if (early == null || consume(early)) {
            fillInterested();
        }
    }

    @Override
    public void onFillable() {
        RetainableByteBuffer buffer = buffers.acquire(READ_BUFFER_BYTES, true);
        try {
            ByteBuffer bytes = buffer.getByteBuffer();
            while (true) {
                BufferUtil.clear(bytes);
                int filled = getEndPoint().fill(bytes);
                if (filled == 0) {
                    fillInterested();
                    return;
                }
                if (filled < 0) {
                    getEndPoint().close();
                    return;
                }
                outbound.heard(System.nanoTime());
                if (!consume(bytes)) {
                    return;
                }
            }
        } catch (IOException e) {
            getEndPoint().close(e);
        } finally {
            buffer.release();
        }
    }

    /** Hands every complete message in {@code bytes} on; false once nothing more is to be read. */
    private boolean consume(ByteBuffer bytes) {
        try {
            Frame frame;
            while ((frame = parser.parse(bytes)) != null) {
                Message message = assembler.accept(frame);
                if (message != null && !deliver(message)) {
                    return false;
                }
            }
            return true;
        } catch (ProtocolViolation violation) {
            LOG.debug("failing WebSocket from {}: {}", remoteAddress(), violation.getMessage());
            fail(violation.closeCode(), violation.getMessage());
            return false;
        } catch (RuntimeException bug) {
            LOG.error("WebSocket listener failed on a message from {}", remoteAddress(), bug);
            fail(CloseCodes.INTERNAL_ERROR, "internal error");
            return false;
        }
    }

    private boolean deliver(Message message) {
        switch (message) {
            case Message.Text text -> {
                synchronized (listenerLock) {
                    if (!listenerClosed && !closing()) {
                        listener.onText(text.text());
                    }
                }
            }
            case Message.Binary binary -> {
                synchronized (listenerLock) {
                    if (!listenerClosed && !closing()) {
                        listener.onBinary(binary.data());
                    }
                }
            }
            case Message.Ping ping -> send(FrameEncoder.pong(ping.data()));
            case Message.Pong pong -> { }
            case Message.Close close -> {
                onCloseFrame(close.code());
                return false;
            }
        }
        return true;
    }

    private void onCloseFrame(int code) {
        step(out -> out.closeReceived(code));
    }

    private void fail(int code, String reason) {
        step(out -> out.fail(code, reason));
    }

    private boolean closing() {
        synchronized (outbound) {
            return outbound.closing();
        }
    }

    @Override
    public void sendText(String text) {
        send(FrameEncoder.text(text));
    }

    /** {@link #step} written out, since a lambda holding the frame would be one more object per send. */
    private void send(ByteBuffer frame) {
        long now = System.nanoTime();
        Action action;
        ByteBuffer[] write;
        synchronized (outbound) {
            action = outbound.send(frame, now);
            write = outbound.takeWrite();
        }
        act(action, write);
    }

    @Override
    public void whenDrained(Runnable then) {
        Runnable now;
        synchronized (outbound) {
            now = outbound.whenDrained(then);
        }
        if (now != null) {
            now.run();
        }
    }

    @Override
    public void close(int code, String reason) {
        step(out -> out.close(code, reason));
    }

    /** Feeds one event to {@link #outbound} under its lock, then does what it asks once the lock is let go. */
    private Action step(Function<Outbound, Action> event) {
        Action action;
        ByteBuffer[] write;
        Runnable drained;
        synchronized (outbound) {
            action = event.apply(outbound);
            write = outbound.takeWrite();
            drained = outbound.takeDrained();
        }
        act(action, write);
        if (drained != null) {
            drained.run();
        }
        return action;
    }

    /** Does what {@link #outbound} asked for, after its lock is released. */
    private void act(Action action, ByteBuffer[] write) {
        switch (action) {
            case NONE, EXPIRE -> { }
            case WRITE -> getEndPoint().write(writeCompletion, write);
            case END -> getEndPoint().close();
            case DROP_SILENT -> {
                LOG.debug("dropping WebSocket {}: silent for {}", remoteAddress(), settings.idleTimeout());
                getEndPoint().close();
            }
            case DROP_SLOW -> {
                settings.budget().countDropped(false);
                LOG.info("dropping WebSocket {}: over {} bytes wait to be sent, it reads too slowly",
                        remoteAddress(), settings.maxQueuedBytes());
                getEndPoint().close();
            }
            case DROP_OVER_BUDGET -> {
                settings.budget().countDropped(true);
                LOG.debug("dropping WebSocket {}: its address or the server has the most bytes waiting to be sent"
                        + " allowed, and it reads too slowly", remoteAddress());
                getEndPoint().close();
            }
        }
    }

    /** After each write: writes whatever queued meanwhile in one go, or ends the connection after a close. */
    private final class WriteCompletion implements Callback {

        @Override
        public void succeeded() {
            // A method reference that captures nothing: no object per write.
            step(Outbound::written);
        }

        @Override
        public void failed(Throwable failure) {
            LOG.debug("write to {} failed: {}", remoteAddress(), failure.toString());
            synchronized (outbound) {
                outbound.writeFailed();
            }
            getEndPoint().close(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** True lets Jetty end the connection with a timeout: our close frame went unanswered. */
    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        long now = System.nanoTime();
        return step(out -> out.idleExpired(now)) == Action.EXPIRE;
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        getEndPoint().close(cause);
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        int code;
        synchronized (outbound) {
            code = outbound.closed();
        }
        synchronized (listenerLock) {
            listenerClosed = true;
            if (listener != null) {
                listener.onClose(code);
            }
        }
    }

    private static InetAddress remoteInetAddress(EndPoint endPoint) {
        return endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
    }

    @Override
    public SocketAddress remoteAddress() {
        return getEndPoint().getRemoteSocketAddress();
    }

    @Override
    public String host() {
        return host;
    }
}
