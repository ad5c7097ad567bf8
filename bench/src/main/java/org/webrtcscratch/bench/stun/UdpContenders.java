package org.webrtcscratch.bench.stun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.OurServerOptions;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.FreePorts;
import org.webrtcscratch.bench.process.Servers;
import org.webrtcscratch.bench.report.LineChart;
import org.webrtcscratch.bench.report.ResultSet;

/** The UDP servers compared: coturn (the anchor), ours when the jar has STUN/TURN, and the UDP echo floor. */
final class UdpContenders {

    static final String ANCHOR = "coturn";
    static final String OURS = OurServerOptions.OURS;
    static final String FLOOR = "udp-echo";

    private UdpContenders() { }

    static List<Contender> of(BenchEnvironment env, OurServerOptions ours) {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender(ANCHOR, () -> Servers.coturn(env)));
        for (OurServerOptions.Build build : ours.builds(env)) {
            if (Servers.oursHasTurn(build.env())) {
                contenders.add(new Contender(build.name(), () -> Servers.oursTurn(build.env(), ours.jvmOptions)));
            } else {
                System.out.println(build.name() + " has no --turn-port (STUN/TURN not merged there): not measured");
            }
        }
        contenders.add(new Contender(FLOOR, () -> Servers.udpEcho(env)));
        return contenders;
    }

    /** The chart both UDP benchmarks draw: each contender's answers per second against the load. */
    static LineChart chart(ResultSet results, String title, String loadName, String rateName) {
        return new LineChart(title, loadName, rateName)
                .series("coturn", results.medians(ANCHOR, "perSecond"))
                .series("ours", results.medians(OURS, "perSecond"))
                .series("UDP echo floor", results.medians(FLOOR, "perSecond"));
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
