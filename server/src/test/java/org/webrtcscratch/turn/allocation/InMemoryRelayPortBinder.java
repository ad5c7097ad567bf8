package org.webrtcscratch.turn.allocation;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Stands in for the operating system's port table: a port is free until bound, taken until closed, and
 * ports can be marked as held by "another process". Its ports carry no data; UdpRelayPortBinderTest covers
 * real sockets.
 */
final class InMemoryRelayPortBinder implements RelayPortBinder {

    private final Set<InetSocketAddress> taken = new HashSet<>();

    @Override
    public synchronized Optional<RelayPort> bind(InetSocketAddress address) {
        if (!taken.add(address)) {
            return Optional.empty();
        }
        return Optional.of(new FakePort(address));
    }

    synchronized void takeByOtherProcess(InetSocketAddress address) {
        taken.add(address);
    }

    synchronized boolean isBound(InetSocketAddress address) {
        return taken.contains(address);
    }

    synchronized int boundCount() {
        return taken.size();
    }

    private final class FakePort implements RelayPort {
        private final InetSocketAddress address;
        private boolean closed;

        FakePort(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public InetSocketAddress localAddress() {
            return address;
        }

        @Override
        public void send(ByteBuffer datagram, InetSocketAddress peer) {
            throw new UnsupportedOperationException("in-memory relay ports carry no data");
        }

        @Override
        public InetSocketAddress receive(ByteBuffer into) {
            throw new UnsupportedOperationException("in-memory relay ports carry no data");
        }

        @Override
        public void close() {
            synchronized (InMemoryRelayPortBinder.this) {
                if (!closed) {
                    closed = true;
                    taken.remove(address);
                }
            }
        }
    }
}
