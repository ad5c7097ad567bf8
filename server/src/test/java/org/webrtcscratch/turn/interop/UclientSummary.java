package org.webrtcscratch.turn.interop;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The totals {@code turnutils_uclient} (coturn 4.6) prints when it has sent all its messages, e.g.
 * <pre>
 * 2: : start_mclient: tot_send_msgs=20, tot_recv_msgs=20
 * 2: : start_mclient: tot_send_bytes ~ 2400, tot_recv_bytes ~ 2400
 * 2: : Total lost packets 0 (0.000000%), total send dropped 0 (0.000000%)
 * </pre>
 * The per-second progress lines ({@code start_mclient: msz=2, tot_send_msgs=...}) are not totals and are
 * ignored. uclient counts a message received when the peer's echo of it comes back through the relay, and
 * caps the received count at the sent count.
 *
 * @param sentMessages     messages the clients sent to the peer through the relay
 * @param receivedMessages echoes that came back
 * @param sentBytes        payload bytes sent
 * @param receivedBytes    payload bytes received
 * @param lostPackets      sent minus received
 * @param sendDropped      messages the client could not send (its socket refused them)
 * @param errors           lines that report a problem ({@code ERROR:}, {@code Wrong integrity}, {@code recv: Connection
 *                         refused} ...)
 */
record UclientSummary(long sentMessages, long receivedMessages, long sentBytes, long receivedBytes,
                      long lostPackets, long sendDropped, List<String> errors) {

    private static final Pattern MESSAGES =
            Pattern.compile("start_mclient: tot_send_msgs=(\\d+), tot_recv_msgs=(\\d+)");
    private static final Pattern BYTES =
            Pattern.compile("start_mclient: tot_send_bytes ~ (\\d+), tot_recv_bytes ~ (\\d+)");
    private static final Pattern LOSS =
            Pattern.compile("Total lost packets (\\d+) \\([^)]*\\), total send dropped (\\d+)");
    private static final Pattern ERROR = Pattern.compile("(?i)error|wrong|cannot|refused|fail");

    /**
     * Reads the totals out of uclient's whole output.
     *
     * @throws IllegalArgumentException if a total is missing: uclient stopped before the end (it exits
     *                                  early when it cannot allocate)
     */
    static UclientSummary parse(String output) {
        Matcher messages = find(MESSAGES, output, "message totals");
        Matcher bytes = find(BYTES, output, "byte totals");
        Matcher loss = find(LOSS, output, "loss totals");
        return new UclientSummary(
                Long.parseLong(messages.group(1)), Long.parseLong(messages.group(2)),
                Long.parseLong(bytes.group(1)), Long.parseLong(bytes.group(2)),
                Long.parseLong(loss.group(1)), Long.parseLong(loss.group(2)),
                errorLines(output));
    }

    /** The lines of uclient's output that report an error, in order. */
    static List<String> errorLines(String output) {
        return output.lines().filter(line -> ERROR.matcher(line).find()).toList();
    }

    private static Matcher find(Pattern pattern, String output, String what) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("uclient printed no " + what + " (/" + pattern + "/)");
        }
        return matcher;
    }
}
