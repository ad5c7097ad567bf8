package org.webrtcscratch.turn.allocation;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds relay ports as UDP {@link DatagramChannel}s. SO_REUSEADDR stays off, so a port another socket
 * holds is refused and the allocator moves on to the next one.
 */
public final class UdpRelayPortBinder implements RelayPortBinder {

    private static final Logger log = LoggerFactory.getLogger(UdpRelayPortBinder.class);

    @Override
    public Optional<RelayPort> bind(InetSocketAddress address) {
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(address.getAddress() instanceof Inet4Address
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            channel.bind(address);
            return Optional.of(new UdpRelayPort(channel, (InetSocketAddress) channel.getLocalAddress()));
        } catch (BindException e) {
            log.debug("relay port {} unavailable: {}", address, e.getMessage());
        } catch (IOException e) {
            log.warn("cannot open a relay socket on {}: {}", address, e.toString());
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The bind failed; there is nothing left to release.
            }
        }
        return Optional.empty();
    }
}
