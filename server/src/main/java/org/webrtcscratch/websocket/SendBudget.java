package org.webrtcscratch.websocket;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bytes waiting to be sent, across every socket of a path: per remote address and in total. Each socket's
 * own limit ({@link WebSocketSettings#maxQueuedBytes()}) bounds one slow reader; this bounds many of them,
 * which once took 659 MB from one address. A socket draws on it only while a write is in flight (what it
 * queues behind it, then that batch until its own write completes), so a fast reader never touches it. A
 * reservation that would go over either budget is refused and the socket whose queue grows is dropped. Messages
 * held for a peer that is away count in the total too ({@link #reserve}).
 * Thread-safe.
 */
public final class SendBudget {

    /** Bytes one address's sockets hold, and how many sockets it has open (its entry goes with the last). */
    private static final class AddressUse {
        final AtomicLong bytes = new AtomicLong();
        int sockets;
    }

    private final long perAddress;
    private final long total;
    private final boolean perAddressOnLoopback;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong highWater = new AtomicLong();
    private final ConcurrentMap<InetAddress, AddressUse> byAddress = new ConcurrentHashMap<>();
    private final LongAdder overBudget = new LongAdder();
    private final LongAdder tooSlow = new LongAdder();

    /**
     * @param perAddressOnLoopback whether sockets from loopback have a per-address budget too (else only the
     *                             total counts them: a reverse proxy or the bench is many clients on one address)
     */
    public SendBudget(long perAddress, long total, boolean perAddressOnLoopback) {
        this.perAddress = perAddress;
        this.total = total;
        this.perAddressOnLoopback = perAddressOnLoopback;
    }

    /** No budget beyond each socket's own limit. */
    public static SendBudget unlimited() {
        return new SendBudget(Long.MAX_VALUE, Long.MAX_VALUE, false);
    }

    /** One socket's share: opened with the socket, closed with it; used under that socket's output lock. */
    public final class Account {

        private final InetAddress address;
        private final AddressUse use;
        private long held;
        private boolean closed;

        private Account(InetAddress address, AddressUse use) {
            this.address = address;
            this.use = use;
        }

        /** Takes {@code bytes} unless the address or the whole path would go over its budget. */
        boolean reserve(long bytes) {
            if (use != null && use.bytes.addAndGet(bytes) > perAddress) {
                use.bytes.addAndGet(-bytes);
                return false;
            }
            long now = used.addAndGet(bytes);
            if (now > total) {
                used.addAndGet(-bytes);
                if (use != null) {
                    use.bytes.addAndGet(-bytes);
                }
                return false;
            }
            highWater.accumulateAndGet(now, Math::max);
            held += bytes;
            return true;
        }

        /** Takes {@code bytes} whatever the budget says: a close frame must still go out. */
        void force(long bytes) {
            used.addAndGet(bytes);
            if (use != null) {
                use.bytes.addAndGet(bytes);
            }
            held += bytes;
        }

        /** Gives {@code bytes} back once they are written. */
        void release(long bytes) {
            long back = Math.min(bytes, held);
            held -= back;
            used.addAndGet(-back);
            if (use != null) {
                use.bytes.addAndGet(-back);
            }
        }

        /** The socket has ended: what it held goes back, and its address is forgotten with its last socket. */
        void close() {
            if (closed) {
                return;
            }
            closed = true;
            release(held);
            if (use != null) {
                byAddress.computeIfPresent(address, (a, u) -> --u.sockets == 0 ? null : u);
            }
        }
    }

    /**
     * Takes {@code bytes} from the total for something that waits to be sent but on no socket yet (messages
     * held for a peer that is away); false when the total has no room. {@link #release} gives them back.
     */
    public boolean reserve(long bytes) {
        long now = used.addAndGet(bytes);
        if (now > total) {
            used.addAndGet(-bytes);
            return false;
        }
        highWater.accumulateAndGet(now, Math::max);
        return true;
    }

    /** Gives back what {@link #reserve} took. */
    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** A new socket's account; {@code address} null (unknown) counts under the total only. */
    Account open(InetAddress address) {
        if (address == null || address.isLoopbackAddress() && !perAddressOnLoopback) {
            return new Account(null, null);
        }
        AddressUse use = byAddress.compute(address, (a, u) -> {
            AddressUse current = u == null ? new AddressUse() : u;
            current.sockets++;
            return current;
        });
        return new Account(address, use);
    }

    void countDropped(boolean overBudget) {
        (overBudget ? this.overBudget : tooSlow).increment();
    }

    /** Bytes waiting to be sent now, over every socket. */
    public long queuedBytes() {
        return used.get();
    }

    /** The most bytes ever waiting at once: never above {@link #total()} but for a few close frames. */
    public long queuedBytesHighWater() {
        return highWater.get();
    }

    public long total() {
        return total;
    }

    /** Sockets dropped because their address or the whole path was over its budget. */
    public long droppedOverBudget() {
        return overBudget.sum();
    }

    /** Sockets dropped because their own queue went over {@link WebSocketSettings#maxQueuedBytes()}. */
    public long droppedTooSlow() {
        return tooSlow.sum();
    }
}
