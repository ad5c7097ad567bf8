package org.webrtcscratch.cli;

import org.webrtcscratch.http.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code webrtc-scratch <subcommand>}. */
@Command(name = "webrtc-scratch",
        mixinStandardHelpOptions = true,
        versionProvider = ScratchCommand.VersionProvider.class,
        description = "WebRTC Scratch: video calls, chat and files browser to browser, with signaling,"
                + " STUN and TURN in one server.",
        subcommands = {ServeCommand.class, TurnCommand.class, CommandLine.HelpCommand.class})
public final class ScratchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return new CommandLine(new ScratchCommand())
                .registerConverter(java.time.Duration.class, new DurationConverter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(ScratchCommand::explain);
    }

    /** A configuration or start-up problem is the user's to fix: say what it is, without a stack trace. */
    private static int explain(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                || e.getClass().getSimpleName().contains("BindException")) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"webrtc-scratch " + Version.current()};
        }
    }
}
