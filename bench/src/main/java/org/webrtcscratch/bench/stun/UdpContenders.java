package org.webrtcscratch.bench.stun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.FreePorts;
import org.webrtcscratch.bench.process.Servers;

/** The UDP servers compared: coturn (the anchor), ours when the jar has STUN/TURN, and the UDP echo floor. */
final class UdpContenders {

    static final String ANCHOR = "coturn";
    static final String OURS = "ours";
    static final String FLOOR = "udp-echo";

    private UdpContenders() { }

    static List<Contender> of(BenchEnvironment env, List<String> ourJvmOptions) {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender(ANCHOR, () -> Servers.coturn(env)));
        if (Servers.oursHasTurn(env)) {
            contenders.add(new Contender(OURS, () -> Servers.oursTurn(env, ourJvmOptions)));
        } else {
            System.out.println("our server has no --turn-port yet (STUN/TURN not merged): measuring coturn and the floor only");
        }
        contenders.add(new Contender(FLOOR, () -> Servers.udpEcho(env)));
        return contenders;
    }

    /** Batches of sockets made so far: each batch gets a loopback source address of its own. */
    private static final AtomicInteger BATCHES = new AtomicInteger();

    /**
     * {@code count} UDP sockets, each connected to 127.0.0.1:{@code port}, with roomy buffers. They are bound to
     * a source address new for every batch (127.2.B.B): a TURN server still holds allocations for the last
     * batch's 5-tuples, and a reused port would be refused with 437 Allocation Mismatch (RFC 8656 §7.2).
     */
    static List<DatagramChannel> sockets(int count, int port) throws IOException {
        int batch = 1 + BATCHES.getAndIncrement() % 60_000;
        InetAddress source = InetAddress.getByAddress(new byte[] {127, 2, (byte) (batch >> 8), (byte) batch});
        List<DatagramChannel> channels = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                DatagramChannel channel = DatagramChannel.open();
                channels.add(channel);
                channel.bind(new InetSocketAddress(source, 0));
                channel.socket().setReceiveBufferSize(1 << 20);
                channel.connect(new InetSocketAddress(FreePorts.LOOPBACK, port));
            }
            return channels;
        } catch (IOException | RuntimeException e) {
            close(channels);
            throw e;
        }
    }

    static void close(List<DatagramChannel> channels) {
        for (DatagramChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a UDP socket cannot fail in a way that matters here
            }
        }
    }
}
