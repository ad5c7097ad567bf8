package org.webrtcscratch.bench.signaling;

import java.util.List;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.OurServerOptions;
import org.webrtcscratch.bench.process.BenchEnvironment;
import picocli.CommandLine.Option;

/** {@code --pairs}: the client pairs of the relay benchmarks, each client signalling its partner. */
final class Pairs {

    @Option(names = "--pairs", defaultValue = "100",
            description = "Client pairs; each client sends to its partner (default: ${DEFAULT-VALUE}).")
    int count;

    /** The servers, with room for every client and some to spare, in rooms of two: one pair each. */
    List<Contender> contenders(BenchEnvironment env, OurServerOptions ours) {
        return SignalingContenders.of(env, 2 * count + 100, 2, ours);
    }
}
