package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.Channel;
import java.nio.channels.NetworkChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small socket chores the listeners share. */
final class Sockets {

    private static final Logger LOG = LoggerFactory.getLogger(Sockets.class);

    private Sockets() {
    }

    /** Sets {@code option} where the platform has it (SO_REUSEPORT is missing on some). */
    static <T> void setIfSupported(NetworkChannel channel, SocketOption<T> option, T value) throws IOException {
        if (channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        }
    }

    static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", channel, e.toString());
        }
    }
}
