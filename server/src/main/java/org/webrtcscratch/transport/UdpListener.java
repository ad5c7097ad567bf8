package org.webrtcscratch.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.turn.allocation.FiveTuple;

/**
 * STUN/TURN over UDP on one address and port: {@code threads} sockets bound to it together with SO_REUSEPORT,
 * each read by its own platform thread blocked in {@code receive}. The kernel spreads clients over the sockets
 * by address hash, so one client always lands on the same socket and its messages stay in order. Every
 * datagram is one message (RFC 8656 §12.5: no framing over UDP); the socket that read it answers it.
 */
final class UdpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    /** The largest UDP payload. */
    private static final int MAX_DATAGRAM = 65_535;
    /** Asked of the kernel, which caps it at net.core.[rw]mem_max; bursts of relayed media need the room. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final List<DatagramChannel> channels;
    private final InetSocketAddress localAddress;

    private UdpListener(List<DatagramChannel> channels, InetSocketAddress localAddress) {
        this.channels = channels;
        this.localAddress = localAddress;
    }

    /**
     * Binds {@code threads} sockets to {@code address} (port 0: one free port for all) and starts reading.
     *
     * @throws IOException when the address cannot be bound; nothing stays open then
     */
    static UdpListener bind(InetSocketAddress address, int threads, ClientTraffic traffic) throws IOException {
        List<DatagramChannel> channels = new ArrayList<>();
        try {
            InetSocketAddress bound = address;
            for (int i = 0; i < threads; i++) {
                DatagramChannel channel = open(address);
                channels.add(channel);
                channel.bind(bound);
                bound = (InetSocketAddress) channel.getLocalAddress();
            }
        } catch (IOException | RuntimeException e) {
            channels.forEach(Sockets::closeQuietly);
            throw e;
        }
        UdpListener listener = new UdpListener(List.copyOf(channels), (InetSocketAddress) channels.get(0).getLocalAddress());
        for (int i = 0; i < channels.size(); i++) {
            DatagramChannel channel = channels.get(i);
            Thread.ofPlatform().name("turn-udp-" + listener.localAddress.getPort() + "-" + i).daemon()
                    .start(() -> listener.receiveLoop(channel, traffic));
        }
        return listener;
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

    private void receiveLoop(DatagramChannel channel, ClientTraffic traffic) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress client = (InetSocketAddress) channel.receive(buffer);
                buffer.flip();
                traffic.onMessage(buffer, new FiveTuple(client, localAddress, FiveTuple.Transport.UDP),
                        new UdpClientSink(channel, client));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("UDP listener {} kept going after: {}", localAddress, e.toString());
            }
        }
    }

    @Override
    public void close() {
        channels.forEach(Sockets::closeQuietly);
    }
}
