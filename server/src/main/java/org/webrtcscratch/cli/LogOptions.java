package org.webrtcscratch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.SourceLogFilter;
import picocli.CommandLine.Option;

/** How the log is written, shared by {@code serve} and {@code turn}: its format and the per-client line limit. */
final class LogOptions {

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${SCRATCH_LOG_FORMAT:-text}",
            description = "Log lines for people (text) or one JSON object a line for a log collector (json)"
                    + " [SCRATCH_LOG_FORMAT] (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--log-lines-per-minute-per-address", paramLabel = "N",
            defaultValue = "${SCRATCH_LOG_LINES_PER_MINUTE_PER_ADDRESS:-120}",
            description = "Log lines one client address may cause a minute (connections opened, joined, closed;"
                    + " allocations); past it they are dropped and counted in scratch_log_suppressed_total"
                    + " [SCRATCH_LOG_LINES_PER_MINUTE_PER_ADDRESS] (default: ${DEFAULT-VALUE}).")
    int linesPerMinutePerAddress;

    /**
     * Puts the options in force on the console appender of logback.xml: the encoder, and the per-address limit.
     *
     * @throws IllegalArgumentException for a format that is neither text nor json
     */
    void apply() {
        boolean json = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("--log-format must be text or json, not '" + format + "'");
        };
        SourceLogFilter perAddress = new SourceLogFilter(linesPerMinutePerAddress, System::nanoTime);
        perAddress.start();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                console.stop();
                console.addFilter(perAddress);
                if (json) {
                    JsonLogEncoder encoder = new JsonLogEncoder();
                    encoder.setContext(context);
                    encoder.start();
                    console.setEncoder(encoder);
                }
                console.start();
            }
        }
    }
}
