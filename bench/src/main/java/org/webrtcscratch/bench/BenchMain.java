package org.webrtcscratch.bench;

import org.webrtcscratch.bench.call.BtsCostCommand;
import org.webrtcscratch.bench.call.CallSetupCommand;
import org.webrtcscratch.bench.files.FileTransferCommand;
import org.webrtcscratch.bench.signaling.SignalingHoldCommand;
import org.webrtcscratch.bench.signaling.SignalingRelayCommand;
import org.webrtcscratch.bench.signaling.SignalingThroughputCommand;
import org.webrtcscratch.bench.stun.StunBindingCommand;
import org.webrtcscratch.bench.stun.TurnPacedCommand;
import org.webrtcscratch.bench.stun.TurnRelayCommand;
import org.webrtcscratch.bench.stun.UdpEchoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: one subcommand per benchmark; bench/run.sh builds everything and calls these. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Side-by-side benchmarks of WebRTC Scratch against PeerJS server and coturn.",
        subcommands = {SignalingHoldCommand.class, SignalingRelayCommand.class, SignalingThroughputCommand.class,
            StunBindingCommand.class, TurnRelayCommand.class, TurnPacedCommand.class, CallSetupCommand.class, FileTransferCommand.class,
            BtsCostCommand.class,
            UdpEchoCommand.class})
public final class BenchMain {

    private BenchMain() { }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
