package org.webrtcscratch.bench.stun;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Callable;
import org.webrtcscratch.bench.process.FreePorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A minimal UDP echo: every datagram goes back to its sender unchanged. It is the echo peer behind the TURN
 * relay, and, with the load client pointed straight at it, the floor that no relay can beat on this machine.
 * A blocking receive/send loop on one thread: two system calls a datagram and nothing else.
 */
@Command(name = "udp-echo", mixinStandardHelpOptions = true, description = "A minimal UDP echo on 127.0.0.1 (bench helper).")
public final class UdpEchoCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, description = "UDP port on 127.0.0.1.")
    int port;

    @Option(names = "--max-minutes", defaultValue = "60", description = "Exits after this long (default: ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Override
    public Integer call() throws Exception {
        long end = System.nanoTime() + (long) (maxMinutes * 60e9);
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress(FreePorts.LOOPBACK, port));
            channel.socket().setReceiveBufferSize(4 << 20);
            channel.socket().setSendBufferSize(4 << 20);
            ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                    System.exit(0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            while (!watchdog.isInterrupted()) {
                buffer.clear();
                SocketAddress sender = channel.receive(buffer);
                buffer.flip();
                channel.send(buffer, sender);
            }
        }
        return 0;
    }
}
