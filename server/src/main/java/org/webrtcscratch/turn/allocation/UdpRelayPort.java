package org.webrtcscratch.turn.allocation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** A relay port backed by a bound, blocking {@link DatagramChannel}. */
public final class UdpRelayPort implements RelayPort {

    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;

    UdpRelayPort(DatagramChannel channel, InetSocketAddress localAddress) {
        this.channel = channel;
        this.localAddress = localAddress;
    }

    /** The channel, for a relay loop that prefers a {@link java.nio.channels.Selector} to blocking reads. */
    public DatagramChannel channel() {
        return channel;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress peer) throws IOException {
        channel.send(datagram, peer);
    }

    @Override
    public InetSocketAddress receive(ByteBuffer into) throws IOException {
        return (InetSocketAddress) channel.receive(into);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram channel releases the port even when it reports an error.
        }
    }

    @Override
    public String toString() {
        return "udp relay " + localAddress;
    }
}
