package org.webrtcscratch.bench.signaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.webrtcscratch.bench.ws.WsConnection;
import org.webrtcscratch.bench.ws.WsEventLoop;
import org.webrtcscratch.bench.ws.WsListener;

/**
 * Many {@link SignalingClient}s on one {@link WsEventLoop}, driven by one thread: opens and registers them at
 * a bounded pace, keeps them alive the way the real browser client would, and hands relayed signals to the
 * load mode. Everything runs on the caller's thread, so the modes need no locks.
 */
final class SignalingFleet implements WsListener, AutoCloseable {

    /** Connections per loopback source address: below the 28,232 ports of Linux's default ephemeral range. */
    static final int CONNECTIONS_PER_SOURCE_ADDRESS = 25_000;

    /** Receives relayed signals. */
    interface Receiver {
        void onRelayed(SignalingClient receiver, ProtocolAdapter.Relayed relayed, long nowNanos);
    }

    final ProtocolAdapter adapter;
    final long epochNanos;
    private final InetSocketAddress server;
    private final WsEventLoop loop = new WsEventLoop(this);
    private Receiver receiver = (client, relayed, now) -> { };
    private boolean keepAlive = true;
    private int keepAliveCursor;
    private double keepAliveCredit;
    private long lastTurnNanos;
    final List<SignalingClient> clients;
    int registered;
    int failedToRegister;
    int droppedAfterRegistering;
    int errors;
    String lastProblem = "";

    SignalingFleet(ProtocolAdapter adapter, InetSocketAddress server, List<SignalingClient> clients, long epochNanos) {
        this.adapter = adapter;
        this.server = server;
        this.clients = clients;
        this.epochNanos = epochNanos;
        this.lastTurnNanos = System.nanoTime();
    }

    void onRelayed(Receiver receiver) {
        this.receiver = receiver;
    }

    void keepAlive(boolean enabled) {
        this.keepAlive = enabled;
    }

    /**
     * Fleets made so far: each gets loopback source addresses of its own. Counted from this process's id, so
     * that a bench run started within a minute of the last one does not reuse its addresses either.
     */
    private static final java.util.concurrent.atomic.AtomicInteger FLEETS =
            new java.util.concurrent.atomic.AtomicInteger((int) (ProcessHandle.current().pid() % 60_000));

    /**
     * Loopback source addresses of this fleet: 127.F.F.1 for the first 25,000 clients, 127.F.F.2 for the next …
     * (F from the fleet's number). The ports of an earlier fleet's connections linger in TIME_WAIT for a
     * minute; on addresses of its own a fleet never trips over them.
     */
    private final int fleetNumber = 1 + FLEETS.getAndIncrement() % 60_000;

    InetAddress sourceAddress(int index) {
        int alias = 1 + index / CONNECTIONS_PER_SOURCE_ADDRESS;
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (fleetNumber >> 8), (byte) fleetNumber, (byte) alias});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }

    /**
     * Opens clients {@code from} (inclusive) to {@code to} (exclusive) with at most {@code maxPending}
     * handshakes under way, until all are registered or failed, or {@code deadlineNanos} passes. Returns the
     * number registered.
     */
    int open(int from, int to, int maxPending, long deadlineNanos) {
        int next = from;
        int doneBefore = registered + failedToRegister;
        while (System.nanoTime() < deadlineNanos) {
            int done = registered + failedToRegister - doneBefore;
            if (done >= to - from) {
                break;
            }
            while (next < to && (next - from) - done < maxPending) {
                SignalingClient client = clients.get(next++);
                try {
                    client.connection = loop.connect(server, sourceAddress(client.index),
                            adapter.target(client.clientId), client);
                } catch (IOException e) {
                    failedToRegister++;
                    lastProblem = "connect from " + sourceAddress(client.index) + ": " + e.getMessage();
                }
            }
            turn(1);
        }
        return registered;
    }

    /** Runs loop turns for {@code nanos}, calling {@code eachTurn} before every turn. */
    void run(long nanos, Runnable eachTurn, long pollMillis) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            eachTurn.run();
            turn(pollMillis);
        }
    }

    /** One loop turn: keep-alives that are due, then I/O (waiting at most {@code pollMillis}). */
    void turn(long pollMillis) {
        long now = System.nanoTime();
        if (keepAlive && adapter.keepAlive() != null && registered > 0) {
            keepAliveCredit += (double) (now - lastTurnNanos) * registered / adapter.keepAliveInterval().toNanos();
            for (int sent = 0; keepAliveCredit >= 1 && sent < clients.size(); sent++) {
                SignalingClient client = clients.get(keepAliveCursor);
                keepAliveCursor = (keepAliveCursor + 1) % clients.size();
                if (client.registered()) {
                    client.connection.sendText(adapter.keepAlive());
                    keepAliveCredit--;
                }
            }
        }
        lastTurnNanos = now;
        try {
            loop.poll(pollMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        }
    }

    /** Queues a signal from {@code from} to its partner (sent at the end of this turn). */
    void sendSignal(SignalingClient from) {
        from.connection.sendText(adapter.signal(from.partner.peerId, from.nextSeq++, System.nanoTime() - epochNanos));
        from.inFlight++;
    }

    @Override
    public void onOpen(WsConnection connection) {
        SignalingClient client = connection.attachment();
        String first = adapter.onOpen(client.clientId, client.group);
        if (first != null) {
            connection.sendText(first);
        }
    }

    @Override
    public void onText(WsConnection connection, String text) {
        SignalingClient client = connection.attachment();
        if (client.peerId == null) {
            String peerId = adapter.registeredPeerId(text, client.clientId);
            if (peerId != null) {
                client.peerId = peerId;
                registered++;
                return;
            }
            if (adapter.isError(text)) {
                lastProblem = "refused before registering: " + text;
                connection.abort();
                return;
            }
        }
        ProtocolAdapter.Relayed relayed = adapter.relayed(text);
        if (relayed != null) {
            receiver.onRelayed(client, relayed, System.nanoTime());
        } else if (adapter.isError(text)) {
            errors++;
            lastProblem = text.length() > 200 ? text.substring(0, 200) : text;
        }
    }

    @Override
    public void onClosed(WsConnection connection, String reason) {
        SignalingClient client = connection.attachment();
        if (client.peerId == null) {
            failedToRegister++;
        } else {
            droppedAfterRegistering++;
            registered--;
        }
        lastProblem = reason;
    }

    @Override
    public void close() {
        try {
            loop.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the client loop", e);
        }
    }
}
