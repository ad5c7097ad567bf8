package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * STUN/TURN over UDP on one address and port: one socket per event loop, bound together with SO_REUSEPORT.
 * The kernel spreads clients over the sockets by address hash, so one client always lands on the same socket,
 * and thus the same loop: its messages stay in order. Every datagram is one message (RFC 8656 §12.5: no
 * framing over UDP); the socket that read it answers it.
 */
final class UdpListener implements AutoCloseable {

    /** Asked of the kernel, which caps it at net.core.[rw]mem_max; bursts of relayed media need the room. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final List<DatagramChannel> channels;
    private final InetSocketAddress localAddress;

    private UdpListener(List<DatagramChannel> channels, InetSocketAddress localAddress) {
        this.channels = channels;
        this.localAddress = localAddress;
    }

    /**
     * Binds one socket per loop to {@code address} (port 0: one free port for all) and has the loops read them.
     *
     * @throws IOException when the address cannot be bound; nothing stays open then
     */
    static UdpListener bind(InetSocketAddress address, EventLoops loops, ClientTraffic traffic) throws IOException {
        List<DatagramChannel> channels = new ArrayList<>();
        try {
            InetSocketAddress bound = address;
            for (int i = 0; i < loops.size(); i++) {
                DatagramChannel channel = open(address);
                channels.add(channel);
                channel.bind(bound);
                bound = (InetSocketAddress) channel.getLocalAddress();
            }
            for (int i = 0; i < channels.size(); i++) {
                loops.listen(i, channels.get(i), traffic);
            }
            return new UdpListener(List.copyOf(channels), (InetSocketAddress) channels.get(0).getLocalAddress());
        } catch (IOException | RuntimeException e) {
            channels.forEach(Sockets::closeQuietly);
            throw e;
        }
    }

    private static DatagramChannel open(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open(address.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            Sockets.setIfSupported(channel, StandardSocketOptions.SO_REUSEPORT, true);
            Sockets.setIfSupported(channel, StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            Sockets.setIfSupported(channel, StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
            return channel;
        } catch (IOException e) {
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void close() {
        channels.forEach(Sockets::closeQuietly);
    }
}
