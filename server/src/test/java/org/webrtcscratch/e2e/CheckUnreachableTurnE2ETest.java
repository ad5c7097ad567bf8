package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.config.TurnMode;
import org.webrtcscratch.iceservers.IceServer;

/**
 * The other half of telling TURN failures apart: the server hands out a TURN server ({@code --ice-server})
 * on a loopback port where nothing listens. Both TURN steps fail saying it could not be reached, not that it
 * refused the credentials.
 */
@Tag("browser")
class CheckUnreachableTurnE2ETest {

    private static final int DEAD_PORT = unusedPort();

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTurn(TurnMode.OFF).withIceServers(
            List.of(IceServer.parse("turn:127.0.0.1:" + DEAD_PORT + "?transport=udp,user,pass"),
                    IceServer.parse("turn:127.0.0.1:" + DEAD_PORT + "?transport=tcp,user,pass"))));

    @Test
    void bothTurnStepsFailSayingTheServerCouldNotBeReached() {
        CheckPage check = new CheckPage(harness.person("checker")).run(harness.baseUri());

        for (String id : new String[] {"turn-udp", "turn-tcp"}) {
            assertThat(check.step(id)).containsEntry("status", "failed");
            assertThat((String) check.step(id).get("found")).contains("127.0.0.1:" + DEAD_PORT)
                    .contains("could not be reached").doesNotContain("credentials");
        }
        assertThat((String) check.step("turn-udp").get("found")).contains("no answer");
        assertThat((String) check.step("turn-tcp").get("found")).contains("TCP connection was refused");
    }

    /** A loopback port free for UDP and TCP just now, then released: nothing answers there. */
    private static int unusedPort() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()))) {
                    return udp.getLocalPort();
                } catch (IOException portTakenForUdp) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no loopback port free for both UDP and TCP");
    }
}
