package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.net.InterfaceAddresses;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.policy.Cidr;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;

/** The running server denies its own host's addresses as peers, even where private peers are allowed. */
class OwnAddressesTest {

    private TurnServer server;
    private TurnTestClient client;

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aClientCannotRelayToTheServersOwnAddresses() {
        InetAddress own = interfaceAddress();
        start(config -> config);
        DecodedMessage refused = permit(own);
        assertThat(TurnTestClient.errorCode(refused)).isEqualTo(403);
        assertThat(refused.message().attribute(ErrorCode.class).orElseThrow().reason())
                .contains("an address of this server");
        assertThat(TurnTestClient.errorCode(permit(InetAddress.getLoopbackAddress())))
                .as("loopback stays the loopback flag's to open").isZero();
    }

    @Test
    void anAllowedPeersEntryOpensOneOfThem() {
        InetAddress own = interfaceAddress();
        start(config -> config.allowedPeers(List.of(Cidr.parse(own.getHostAddress()))));
        assertThat(TurnTestClient.errorCode(permit(own))).isZero();
    }

    private static InetAddress interfaceAddress() {
        Optional<InetAddress> own = InterfaceAddresses.up().stream()
                .filter(ip -> ip instanceof java.net.Inet4Address && !ip.isLoopbackAddress()).findFirst();
        assumeTrue(own.isPresent(), "this machine has no IPv4 address but loopback");
        return own.get();
    }

    private void start(java.util.function.UnaryOperator<TurnConfig.Builder> customise) {
        TurnSettings settings = TurnSettings.onLoopback().withUsers(List.of("alice:pw"));
        server = TurnServer.start(settings.withConfig(customise.apply(settings.config().toBuilder()
                .allowPrivatePeers(true)).build()));
        client = TurnTestClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()))
                .credentials("alice", "pw");
        assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP)))
                .isZero();
    }

    private DecodedMessage permit(InetAddress peer) {
        return client.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddress(new InetSocketAddress(peer, 9)));
    }
}
