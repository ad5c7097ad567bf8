package org.webrtcscratch.bench;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --windows}: the windows (requests in flight) a closed-loop benchmark measures, with its own defaults. */
public final class Windows {

    @Option(names = "--windows", split = ",", paramLabel = "N", description = "Requests in flight, one measurement each; per client"
            + " (signaling) or in total over the sockets (STUN) (default: ${DEFAULT-VALUE}).")
    public List<Integer> sizes;

    /** The field's value is picocli's default, since the option names none. */
    public Windows(Integer... defaults) {
        this.sizes = new ArrayList<>(List.of(defaults));
    }
}
