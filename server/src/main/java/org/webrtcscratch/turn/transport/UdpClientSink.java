package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A UDP client: datagrams to its source address from the listening socket its messages arrive on. */
record UdpClientSink(DatagramChannel channel, InetSocketAddress client) implements ClientSink {

    private static final Logger LOG = LoggerFactory.getLogger(UdpClientSink.class);

    @Override
    public void send(ByteBuffer message) {
        try {
            // A full socket buffer drops the datagram, like the network would; UDP clients retransmit.
            channel.send(message, client);
        } catch (IOException e) {
            LOG.debug("send to {} failed: {}", client, e.toString());
        }
    }

    @Override
    public boolean isStream() {
        return false;
    }
}
