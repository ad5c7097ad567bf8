package org.webrtcscratch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.webrtcscratch.tls.PemFiles;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.transport.TlsListening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code turn}: STUN/TURN alone, for a TURN machine apart from the one that serves the web app. */
@Command(name = "turn",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpWidth = 100,
        description = {"Runs only the STUN/TURN server, for a machine of its own.",
            "Give it the same --turn-secret as the serve command, whose credentials it then accepts.",
            "Every option can also be set by the environment variable shown in brackets."},
        footer = {"", "Example:",
            "  turn --turn-secret-file /etc/scratch/turn-secret --turn-external-ip 203.0.113.7",
            "  turn --turn-secret-file /etc/scratch/turn-secret --tls-cert fullchain.pem --tls-key privkey.pem"
                    + " --turn-tls-port 443",
            "(a secret given as --turn-secret shows in every user's process list; a file or SCRATCH_TURN_SECRET"
                    + " does not)"})
public final class TurnCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${SCRATCH_HOST:-0.0.0.0}",
            description = "Address to listen on [SCRATCH_HOST] (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    TurnOptions turn;

    @Option(names = "--tls-cert", defaultValue = "${SCRATCH_TLS_CERT}", paramLabel = "FILE",
            description = "PEM certificate chain; with --tls-key, TURN over TLS (turns:) on --turn-tls-port"
                    + " [SCRATCH_TLS_CERT].")
    Path tlsCert;

    @Option(names = "--tls-key", defaultValue = "${SCRATCH_TLS_KEY}", paramLabel = "FILE",
            description = "PEM private key for --tls-cert [SCRATCH_TLS_KEY].")
    Path tlsKey;

    @Mixin
    LogOptions log;

    @Override
    public Integer call() throws InterruptedException {
        log.apply();
        TurnSettings settings = toSettings();
        if (!turn.hasSecret() && settings.users().isEmpty()) {
            System.err.println("warning: no --turn-secret and no --turn-user: only STUN Binding will work");
        }
        TurnServer server = TurnServer.start(settings);
        StartupBanner.printTurn(server);
        System.out.println("Stop with Ctrl+C.");
        UntilStopped.run(server);
        return 0;
    }

    TurnSettings toSettings() {
        TurnSettings settings = turn.toSettings(host).orElseThrow(() ->
                new IllegalArgumentException("--turn-port 0 turns STUN/TURN off, which leaves this command nothing to do"));
        return tlsCert == null && tlsKey == null ? settings : settings.withTls(Optional.of(tlsListening()));
    }

    /** TURN over TLS with the certificate given, as {@code serve} runs it with the web server's. */
    private TlsListening tlsListening() {
        if (tlsCert == null || tlsKey == null) {
            throw new IllegalArgumentException("TURN over TLS needs both --tls-cert and --tls-key");
        }
        if (turn.tlsPort < 1 || turn.tlsPort > 65535) {
            throw new IllegalArgumentException("--tls-cert needs a --turn-tls-port in 1-65535, got " + turn.tlsPort);
        }
        try {
            return new TlsListening(PemFiles.read(tlsCert, tlsKey).sslContext(), turn.tlsPort);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --tls-cert " + tlsCert + " and --tls-key " + tlsKey + ": "
                    + e.getMessage());
        }
    }
}
