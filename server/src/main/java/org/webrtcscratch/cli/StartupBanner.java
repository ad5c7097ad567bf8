package org.webrtcscratch.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.webrtcscratch.ScratchServer;
import org.webrtcscratch.config.ServerConfig;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.net.InterfaceAddresses;
import org.webrtcscratch.turn.TurnServer;

/** What {@code serve} prints once it listens: where to point a browser, and the certificate to expect. */
final class StartupBanner {

    private StartupBanner() {
    }

    static void print(ScratchServer server, ServerConfig config) {
        String scheme = server.tls() == null ? "http" : "https";
        System.out.println();
        System.out.println("WebRTC Scratch is running. Open:");
        System.out.printf("  %s://localhost:%d/%n", scheme, server.httpPort());
        if (config.host().equals("0.0.0.0") || config.host().equals("::")) {
            for (String address : lanAddresses()) {
                System.out.printf("  %s://%s:%d/%s%n", scheme, address, server.httpPort(),
                        server.tls() == null ? "   (other machines: camera needs --tls self-signed)" : "");
            }
        }
        server.turn().ifPresent(StartupBanner::printTurn);
        if (config.turn() instanceof TurnMode.Remote remote) {
            System.out.printf("STUN/TURN: browsers are sent to %s:%d%s with credentials for --turn-secret%n",
                    remote.host(), remote.port(), remote.tlsPort().isPresent()
                            ? " (TURN over TLS on " + remote.tlsPort().getAsInt() + ")" : "");
        }
        if (server.tls() != null) {
            System.out.println("Certificate SHA-256 fingerprint (check it when the browser asks):");
            System.out.println("  " + server.tls().fingerprint());
        }
        System.out.println("Stop with Ctrl+C.");
        System.out.println();
    }

    static void printTurn(TurnServer turn) {
        System.out.printf("STUN/TURN on port %d (UDP and TCP), relaying from %s, ports %s%n", turn.port(),
                turn.settings().config().allocation().relayIps().stream()
                        .map(ip -> ip.bind().equals(ip.advertised()) ? ip.bind().getHostAddress()
                                : ip.bind().getHostAddress() + " (advertised as " + ip.advertised().getHostAddress() + ")")
                        .toList(),
                turn.settings().config().allocation().relayPorts());
        turn.tlsPort().ifPresent(port -> System.out.printf("TURN over TLS (turns:) on port %d%n", port));
    }

    private static List<String> lanAddresses() {
        return InterfaceAddresses.up().stream()
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .toList();
    }
}
