package org.webrtcscratch.bench.process;

import java.util.ArrayList;
import java.util.List;

/** Starts each kind of server the benchmarks compare, on free loopback ports. */
public final class Servers {

    private Servers() { }

    /** Our server ({@code java -jar server/target/webrtc-scratch.jar serve}), with extra {@code serve} options. */
    public static ServerProcess ours(BenchEnvironment env, List<String> serveOptions, List<String> jvmOptions) {
        env.require(env.serverJar(), "build it with ./mvnw -q -B -DskipTests -pl server -am package (bench/run.sh does)");
        int port = FreePorts.tcpAndUdp();
        List<String> command = new ArrayList<>();
        command.add(env.javaBin());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", env.serverJar().toString(), "serve", "--host", "127.0.0.1",
                "--port", Integer.toString(port)));
        command.addAll(serveOptions);
        return ServerProcess.start("ours", port, command, env.logDir(), () -> FreePorts.acceptsTcp(port));
    }

    /** PeerJS server from the npm package {@code peer}, with its connection limit raised to {@code maxClients}. */
    public static ServerProcess peerJs(BenchEnvironment env, int maxClients) {
        env.require(env.peerJsBin(), "install it with bench/run.sh (npm install peer into bench/.work)");
        int port = FreePorts.tcpAndUdp();
        List<String> command = List.of("node", env.peerJsBin().toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--concurrent_limit", Integer.toString(maxClients));
        return ServerProcess.start("peerjs", port, command, env.logDir(), () -> FreePorts.acceptsTcp(port));
    }
}
