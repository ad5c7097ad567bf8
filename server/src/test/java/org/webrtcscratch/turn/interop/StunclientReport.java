package org.webrtcscratch.turn.interop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code turnutils_stunclient} (coturn 4.6) printed. It sends one Binding request, with no
 * retransmission, and prints the XOR-MAPPED-ADDRESS of the answer as
 * <pre>0: : IPv4. UDP reflexive addr: 127.0.0.1:56897</pre>
 * ({@code ::1:33915} for IPv6: the port follows the last colon). If the answer carries OTHER-ADDRESS
 * (RFC 5780) it sends two more requests, with CHANGE-REQUEST, and prints a reflexive address for each,
 * under "RFC 5780 response N" banners. A bad answer gives a line such as "The response is an error 400
 * (...)"; its exit code is 0 either way.
 *
 * @param reflexiveAddresses the XOR-MAPPED-ADDRESS of each answer, in order
 * @param rfc5780            whether the server announced RFC 5780 (NAT behaviour discovery) support
 * @param problems           lines where stunclient rejected an answer
 */
record StunclientReport(List<InetSocketAddress> reflexiveAddresses, boolean rfc5780, List<String> problems) {

    private static final Pattern REFLEXIVE = Pattern.compile("UDP reflexive addr: (\\S+):(\\d+)\\s*$");
    private static final Pattern PROBLEM = Pattern.compile(
            "The response is|Cannot read the response|Wrong type of response|Wrong .* format");

    static StunclientReport parse(String output) {
        List<InetSocketAddress> addresses = output.lines()
                .map(REFLEXIVE::matcher)
                .filter(Matcher::find)
                .map(m -> new InetSocketAddress(literal(m.group(1)), Integer.parseInt(m.group(2))))
                .toList();
        List<String> problems = output.lines().filter(line -> PROBLEM.matcher(line).find()).toList();
        return new StunclientReport(addresses, output.contains("RFC 5780 response"), problems);
    }

    /** An IP literal as stunclient prints it; never a name, so no DNS lookup happens. */
    private static InetAddress literal(String ip) {
        if (!ip.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("stunclient printed '" + ip + "' where an IP address belongs");
        }
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("stunclient printed a bad IP address '" + ip + "'", e);
        }
    }
}
