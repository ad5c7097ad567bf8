package org.webrtcscratch.websocket;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket on a Jetty endpoint, once the HTTP handshake is done: the thin I/O shell around
 * {@link FrameParser}, {@link MessageAssembler} and {@link FrameEncoder}. An idle socket holds no buffer:
 * one is borrowed from the pool for each read and frames are queued only while a write is in flight, so a
 * connection costs its endpoint and a few small objects. Keep-alive needs no task of its own: the peer's
 * silence is checked when the endpoint's idle timer expires and, since our own writes reset that timer, on
 * every send ({@link #keepAlive}), so a dead peer that keeps receiving relays is dropped all the same. Reads
 * are non-blocking work run by the selector thread that noticed them, so each selector is an event loop: a
 * message is read, handled and relayed without waking another thread. Nothing on that path may wait: sends
 * never wait (a frame is written if the socket takes it now, else queued), locks are held briefly.
 */
final class WebSocketConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeTo, WebSocket {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final int READ_BUFFER_BYTES = 4096;
    private static final ByteBuffer PING = FrameEncoder.ping().asReadOnlyBuffer();

    private final ByteBufferPool buffers;
    private final WebSocketSettings settings;
    private final WebSocketEndpoint endpoint;
    private final String host;
    private final FrameParser parser;
    private final MessageAssembler assembler;
    private final Callback writeCompletion = new WriteCompletion();
    private WebSocketListener listener;
    /**
     * Keeps the listener's calls one at a time and {@code onClose} last: the endpoint may be closed by another
     * thread (a failed write, the idle timer) while a message is being handled.
     */
    private final Object listenerLock = new Object();
    private boolean listenerClosed;
    private ByteBuffer upgradeBytes;
    private volatile long lastHeardNanos;
    private volatile long lastPingNanos;

    // Output state, guarded by this.
    private ArrayDeque<ByteBuffer> queue;
    private long queuedBytes;
    private boolean writing;
    private boolean closeSent;
    private boolean closeAfterFlush;
    private int closeCode;

    WebSocketConnection(EndPoint endPoint, Executor executor, ByteBufferPool buffers, WebSocketSettings settings,
                        WebSocketEndpoint endpoint, String host) {
        super(endPoint, executor);
        this.buffers = buffers;
        this.settings = settings;
        this.endpoint = endpoint;
        this.host = host;
        this.parser = new FrameParser(settings.maxMessageBytes());
        this.assembler = new MessageAssembler(settings.maxMessageBytes());
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        upgradeBytes = BufferUtil.copy(buffer);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(settings.pingInterval().toMillis());
        lastHeardNanos = System.nanoTime();
        lastPingNanos = lastHeardNanos - 1; // not pinged since
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
                lastHeardNanos = System.nanoTime();
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
            case Message.Ping ping -> send(FrameEncoder.pong(ping.data()), false);
            case Message.Pong pong -> { }
            case Message.Close close -> {
                onCloseFrame(close.code());
                return false;
            }
        }
        return true;
    }

    /** §5.5.1: answer a close frame with one (unless ours went first), then end the TCP connection. */
    private void onCloseFrame(int code) {
        closeThenEnd(code, "");
    }

    /** §7.1.7: the peer broke the protocol; say why and end the connection. */
    private void fail(int code, String reason) {
        closeThenEnd(code, reason);
    }

    /**
     * Sends a close frame, unless one went already, and ends the TCP connection once it is written: at once if
     * nothing is left to write.
     */
    private void closeThenEnd(int code, String reason) {
        boolean closeNow;
        synchronized (this) {
            if (closeCode == 0) {
                closeCode = code;
            }
            closeAfterFlush = true;
            closeNow = closeSent && !writing;
        }
        if (closeNow) {
            getEndPoint().close();
        } else {
            send(FrameEncoder.close(code, reason), true);
        }
    }

    private synchronized boolean closing() {
        return closeSent;
    }

    @Override
    public void sendText(String text) {
        send(FrameEncoder.text(text), false);
    }

    @Override
    public void close(int code, String reason) {
        synchronized (this) {
            if (closeCode == 0) {
                closeCode = code;
            }
        }
        send(FrameEncoder.close(code, reason), true);
    }

    /** Writes {@code frame} now, or queues it behind the write in flight; nothing goes after a close frame. */
    private void send(ByteBuffer frame, boolean isClose) {
        if (!isClose && !keepAlive()) {
            return;
        }
        boolean tooSlow = false;
        synchronized (this) {
            if (closeSent) {
                return;
            }
            if (isClose) {
                closeSent = true;
            }
            if (writing) {
                queuedBytes += frame.remaining();
                tooSlow = queuedBytes > settings.maxQueuedBytes() && !isClose;
                if (tooSlow) {
                    closeSent = true; // nothing more for it: it is dropped below
                    queue = null;
                } else {
                    if (queue == null) {
                        queue = new ArrayDeque<>();
                    }
                    queue.add(frame);
                    return;
                }
            } else {
                writing = true;
            }
        }
        if (tooSlow) {
            LOG.info("dropping WebSocket {}: over {} bytes wait to be sent, it reads too slowly",
                    remoteAddress(), settings.maxQueuedBytes());
            getEndPoint().close();
        } else {
            getEndPoint().write(writeCompletion, frame);
        }
    }

    /** After each write: writes whatever queued meanwhile in one go, or ends the connection after a close. */
    private final class WriteCompletion implements Callback {

        @Override
        public void succeeded() {
            ByteBuffer[] next = null;
            boolean closeNow = false;
            synchronized (WebSocketConnection.this) {
                if (queue == null || queue.isEmpty()) {
                    writing = false;
                    closeNow = closeSent && closeAfterFlush;
                } else {
                    next = queue.toArray(ByteBuffer[]::new);
                    queue = null;
                    queuedBytes = 0;
                }
            }
            if (next != null) {
                getEndPoint().write(this, next);
            } else if (closeNow) {
                getEndPoint().close();
            }
        }

        @Override
        public void failed(Throwable failure) {
            LOG.debug("write to {} failed: {}", remoteAddress(), failure.toString());
            getEndPoint().close(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /**
     * What the peer's silence calls for, asked by the idle timer and by every send: nothing while it was heard
     * within the ping interval, one ping (until it is heard again) after that, the end after the idle timeout.
     *
     * @return false once the connection is being ended
     */
    private boolean keepAlive() {
        long now = System.nanoTime();
        long heard = lastHeardNanos;
        if (now - heard < settings.pingInterval().toNanos()) {
            return true;
        }
        if (now - heard >= settings.idleTimeout().toNanos()) {
            LOG.debug("dropping WebSocket {}: silent for {}", remoteAddress(), settings.idleTimeout());
            getEndPoint().close();
            return false;
        }
        if (lastPingNanos - heard < 0) {
            lastPingNanos = now; // before the send, which asks again
            send(PING.duplicate(), false);
        }
        return true;
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        synchronized (this) {
            if (closeSent) {
                return true; // the peer never answered our close frame
            }
        }
        keepAlive();
        return false;
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        getEndPoint().close(cause);
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        int code;
        synchronized (this) {
            code = closeCode == 0 ? CloseCodes.ABNORMAL : closeCode;
            closeSent = true;
            queue = null;
        }
        synchronized (listenerLock) {
            listenerClosed = true;
            if (listener != null) {
                listener.onClose(code);
            }
        }
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
