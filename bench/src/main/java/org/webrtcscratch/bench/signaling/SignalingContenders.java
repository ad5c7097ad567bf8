package org.webrtcscratch.bench.signaling;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.OurServerOptions;
import org.webrtcscratch.bench.process.BenchEnvironment;
import org.webrtcscratch.bench.process.FreePorts;
import org.webrtcscratch.bench.process.ServerProcess;
import org.webrtcscratch.bench.process.Servers;

/** The two signaling servers compared, anchor first, started with their limits opened for the load. */
final class SignalingContenders {

    static final String ANCHOR = "peerjs";
    static final String OURS = OurServerOptions.OURS;

    private SignalingContenders() { }

    /**
     * PeerJS server with {@code concurrent_limit} raised, and ours with its per-connection rate limit out of
     * the way (the bench sends far faster than a browser may) and the connection limit raised.
     */
    static List<Contender> of(BenchEnvironment env, int maxClients, int roomCapacity, OurServerOptions ours) {
        List<String> serve = new ArrayList<>(List.of("--rate-limit", "1000000", "--rate-burst", "1000000",
                "--max-connections", Integer.toString(maxClients), "--room-capacity", Integer.toString(roomCapacity),
                "--max-rooms", Integer.toString(Math.max(100_000, maxClients))));
        List<Contender> contenders = new ArrayList<>(List.of(new Contender(ANCHOR, () -> Servers.peerJs(env, maxClients))));
        for (OurServerOptions.Build build : ours.builds(env)) {
            contenders.add(new Contender(build.name(), () -> Servers.ours(build.env(), serve, ours.jvmOptions)));
        }
        return contenders;
    }

    static ProtocolAdapter adapter(String contender) {
        return OurServerOptions.isOurs(contender) ? new OurProtocol() : new PeerJsProtocol();
    }

    static InetSocketAddress address(ServerProcess server) {
        return new InetSocketAddress(FreePorts.LOOPBACK, server.port());
    }

    /**
     * Clients {@code 2i} and {@code 2i+1} are partners, alone in room {@code <prefix>p<i>}. A fresh prefix per
     * measurement keeps the rooms of closed clients (still inside our resume window) out of the way.
     */
    static List<SignalingClient> pairs(String prefix, int pairs, int firstPair) {
        List<SignalingClient> clients = new ArrayList<>(pairs * 2);
        for (int i = 0; i < pairs; i++) {
            int pair = firstPair + i;
            SignalingClient a = new SignalingClient(2 * pair, prefix + "b" + (2 * pair), prefix + "p" + pair);
            SignalingClient b = new SignalingClient(2 * pair + 1, prefix + "b" + (2 * pair + 1), prefix + "p" + pair);
            a.partner = b;
            b.partner = a;
            clients.add(a);
            clients.add(b);
        }
        return clients;
    }
}
