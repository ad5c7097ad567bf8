package org.webrtcscratch.websocket;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The sending side of one WebSocket as a state machine without I/O or clock: events go in (a frame to send, a
 * write completed, a close asked for or received, the idle timer; the time is passed in) and each returns the
 * {@link Action} the shell must take. It owns the queue behind the write in flight (gathered into the next
 * write, a reader too slow to drain it is dropped), the order of the closing handshake (§7.1.2: nothing after
 * our close frame; the TCP connection ends once both close frames are out and in) and keep-alive (the peer is
 * pinged once it has been silent for the ping interval, until it is heard again, and dropped after the idle
 * timeout; checked by the idle timer and by every send, since our own writes keep the endpoint's idle timer
 * from firing).
 *
 * <p>Not thread-safe: the shell calls it under one lock and takes the action's buffers ({@link #takeWrite()})
 * under the same hold, then acts once it is released. Only {@link #heard} may be called without it.
 */
final class Outbound {

    /** What the shell does after an event. */
    enum Action {
        /** Nothing: the frame was queued or dropped, or nothing is due. */
        NONE,
        /** Write {@link #takeWrite()} in one gathering write, then report {@link #written} or {@link #writeFailed}. */
        WRITE,
        /** End the TCP connection: the closing handshake is over (or failed) and everything is written. */
        END,
        /** End the TCP connection: the peer was silent for the idle timeout. */
        DROP_SILENT,
        /** End the TCP connection: more than the queue limit waits to be sent, the peer reads too slowly. */
        DROP_SLOW,
        /** End the TCP connection: its address, or every socket together, has the most bytes waiting allowed. */
        DROP_OVER_BUDGET,
        /** Let the idle timeout end the connection: the closing handshake did not finish within it. */
        EXPIRE
    }

    private enum Phase {
        /** Data frames go out. */
        OPEN,
        /** Our close frame is queued or written; the peer's is awaited (§7.1.2). */
        CLOSE_SENT,
        /** Both close frames are out and in, or the connection failed: what is queued goes out, then the end. */
        FLUSHING,
        /** The shell has ended the connection or been told to: nothing more goes out. */
        ENDED
    }

    private static final ByteBuffer PING = FrameEncoder.ping().asReadOnlyBuffer();

    private final WebSocketSettings settings;
    private final SendBudget.Account account;
    private Phase phase = Phase.OPEN;
    private int closeCode;
    /** Written by the reading thread without the lock; read by the keep-alive check. */
    private volatile long heardNanos;
    private long pingedNanos;
    private boolean writing;
    /** Made when a frame must wait behind the write in flight, dropped when drained: an idle socket holds none. */
    private ArrayDeque<ByteBuffer> queue;
    private long queuedBytes;
    /** What the write in flight holds of {@link #account}: the queue it was gathered from (0 for a first write). */
    private long inFlightBytes;
    private ByteBuffer[] write;
    /** To run once nothing is in flight or queued ({@link #whenDrained}); then moved to {@link #drainedNow}. */
    private Runnable whenDrained;
    private Runnable drainedNow;

    Outbound(WebSocketSettings settings, long now) {
        this(settings, settings.budget().open(null), now);
    }

    /** @param account this socket's share of the path's {@link SendBudget} */
    Outbound(WebSocketSettings settings, SendBudget.Account account, long now) {
        this.settings = settings;
        this.account = account;
        this.heardNanos = now;
        this.pingedNanos = now - 1; // not pinged since
    }

    /** Bytes came from the peer at {@code now}: it is alive. */
    void heard(long now) {
        heardNanos = now;
    }

    /** A data frame (text, pong) to send at {@code now}; the peer's silence is checked first. Dropped once closing. */
    Action send(ByteBuffer frame, long now) {
        if (phase == Phase.ENDED) {
            return Action.NONE;
        }
        Action alive = keepAlive(now);
        if (phase != Phase.OPEN) {
            return alive;
        }
        Action sent = push(frame, true);
        return sent == Action.NONE ? alive : sent;
    }

    /** Starts the closing handshake (§7.1.2) with our close frame; the connection ends once the peer answers. */
    Action close(int code, String reason) {
        if (phase != Phase.OPEN) {
            return Action.NONE;
        }
        closeCode = code;
        phase = Phase.CLOSE_SENT;
        return push(FrameEncoder.close(code, reason), false);
    }

    /** §5.5.1: the peer's close frame, answered with one carrying its code unless ours went first. */
    Action closeReceived(int code) {
        return closeThenEnd(code, "");
    }

    /** §7.1.7: the peer broke the protocol; a close frame says why (unless ours went first), then the end. */
    Action fail(int code, String reason) {
        return closeThenEnd(code, reason);
    }

    private Action closeThenEnd(int code, String reason) {
        switch (phase) {
            case ENDED -> {
                return Action.NONE;
            }
            case OPEN -> {
                closeCode = code;
                phase = Phase.FLUSHING;
                return push(FrameEncoder.close(code, reason), false);
            }
            default -> {
                phase = Phase.FLUSHING;
                return writing ? Action.NONE : end(Action.END);
            }
        }
    }

    /** The write in flight is done: what queued meanwhile goes out in one write, or the end once closed. */
    Action written() {
        if (phase == Phase.ENDED) {
            return Action.NONE;
        }
        account.release(inFlightBytes);
        inFlightBytes = queuedBytes;
        if (queue == null) {
            writing = false;
            drainedNow = phase == Phase.OPEN ? whenDrained : null;
            whenDrained = null;
            return phase == Phase.FLUSHING ? end(Action.END) : Action.NONE;
        }
        write = queue.toArray(ByteBuffer[]::new);
        queue = null;
        queuedBytes = 0;
        return Action.WRITE;
    }

    /**
     * {@code then} is to run once everything sent so far is written, so that a sender with much to say (a held
     * backlog) can say it a batch at a time instead of filling the queue past its limit. Returns {@code then}
     * when that is already so (the caller runs it), null when it will come from {@link #takeDrained} after a
     * write, or never once the connection is closing. One at a time: a second replaces the first.
     */
    Runnable whenDrained(Runnable then) {
        if (phase != Phase.OPEN) {
            return null;
        }
        if (!writing) {
            return then;
        }
        whenDrained = then;
        return null;
    }

    /** What {@link #whenDrained} asked to run, once the last write has drained everything; null otherwise. */
    Runnable takeDrained() {
        Runnable taken = drainedNow;
        drainedNow = null;
        return taken;
    }

    /** The write in flight failed; the shell ends the connection with the failure. */
    void writeFailed() {
        end(Action.NONE);
    }

    /**
     * The endpoint's idle timer fired at {@code now}: no bytes went either way for a ping interval. A closing
     * handshake still unfinished then has timed out; an open connection gets the keep-alive check.
     */
    Action idleExpired(long now) {
        return phase == Phase.OPEN ? keepAlive(now) : end(Action.EXPIRE);
    }

    /** The connection is closed, whoever closed it; returns the code for the listener (see its {@code onClose}). */
    int closed() {
        end(Action.NONE);
        return closeCode == 0 ? CloseCodes.ABNORMAL : closeCode;
    }

    /** True once our close frame is queued, the peer's came or the connection is ending: no more data is delivered. */
    boolean closing() {
        return phase != Phase.OPEN;
    }

    /** The buffers of the last {@link Action#WRITE}, in order; null once taken or when there was none. */
    ByteBuffer[] takeWrite() {
        ByteBuffer[] taken = write;
        write = null;
        return taken;
    }

    /**
     * What the peer's silence calls for at {@code now}: nothing within the ping interval, one ping (until it is
     * heard again) after it while open, the end after the idle timeout.
     */
    private Action keepAlive(long now) {
        long heard = heardNanos;
        if (now - heard < settings.pingInterval().toNanos()) {
            return Action.NONE;
        }
        if (now - heard >= settings.idleTimeout().toNanos()) {
            return end(Action.DROP_SILENT);
        }
        if (phase != Phase.OPEN || pingedNanos - heard >= 0) {
            return Action.NONE;
        }
        pingedNanos = now;
        return push(PING.duplicate(), true);
    }

    /** Writes {@code frame} now, or queues it behind the write in flight; a close frame is never over the limit. */
    private Action push(ByteBuffer frame, boolean limited) {
        if (!writing) {
            writing = true;
            write = new ByteBuffer[] {frame};
            return Action.WRITE;
        }
        int size = frame.remaining();
        if (!limited) {
            account.force(size);
        } else if (queuedBytes + size > settings.maxQueuedBytes()) {
            return end(Action.DROP_SLOW);
        } else if (!account.reserve(size)) {
            return end(Action.DROP_OVER_BUDGET);
        }
        queuedBytes += size;
        if (queue == null) {
            queue = new ArrayDeque<>();
        }
        queue.add(frame);
        return Action.NONE;
    }

    private Action end(Action action) {
        account.close();
        phase = Phase.ENDED;
        queue = null;
        write = null;
        whenDrained = null;
        drainedNow = null;
        return action;
    }
}
