package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.allocation.RelayedTraffic;
import org.webrtcscratch.turn.proto.ChannelData;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;
import org.webrtcscratch.turn.server.TurnStats;

/** The real UDP and TCP listeners on loopback, driven by our own client: a whole relay session each way. */
class TurnLoopbackTest {

    enum Transport {
        UDP(TurnTestClient::udp),
        TCP(TurnTestClient::tcp);

        final Function<InetSocketAddress, TurnTestClient> connect;

        Transport(Function<InetSocketAddress, TurnTestClient> connect) {
            this.connect = connect;
        }
    }

    private static final String USER = "alice";
    private static final String PASSWORD = "wonderland";

    private TurnServer server;
    private DatagramSocket peer;
    private TurnTestClient client;

    private TurnTestClient start(Transport transport) throws IOException {
        server = TurnServer.start(TurnSettings.onLoopback().withUsers(List.of(USER + ":" + PASSWORD)));
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer.setSoTimeout(5000);
        client = transport.connect.apply(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()))
                .credentials(USER, PASSWORD);
        return client;
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void bindingAnswersWithTheClientsAddress(Transport transport) throws IOException {
        TurnTestClient client = start(transport);
        DecodedMessage response = client.request(StunMethod.BINDING);
        assertThat(response.message().type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE));
        assertThat(response.message().attribute(XorMappedAddress.class).orElseThrow().address())
                .isEqualTo(client.localAddress());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void relaysBothWaysByIndicationsThenByChannel(Transport transport) throws IOException {
        TurnTestClient client = start(transport);
        InetSocketAddress relayed = allocate(client);
        InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
        assertThat(success(client.authenticated(StunMethod.CREATE_PERMISSION, new XorPeerAddress(peerAddress))))
                .isTrue();

        client.send(sendIndication(peerAddress, "hello peer"));
        DatagramPacket atPeer = receiveAtPeer();
        assertThat(text(atPeer)).isEqualTo("hello peer");
        assertThat(atPeer.getSocketAddress()).isEqualTo(relayed);

        toClient(relayed, "hello client");
        DecodedMessage indication = client.receiveStun();
        assertThat(indication.message().type()).isEqualTo(MessageType.of(StunMethod.DATA, MessageClass.INDICATION));
        assertThat(indication.message().attribute(XorPeerAddress.class).orElseThrow().address()).isEqualTo(peerAddress);
        assertThat(new String(indication.message().attribute(Data.class).orElseThrow().value().toByteArray(),
                StandardCharsets.UTF_8)).isEqualTo("hello client");

        assertThat(success(client.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4001),
                new XorPeerAddress(peerAddress)))).isTrue();
        client.send(new ChannelData(0x4001, java.nio.ByteBuffer.wrap(bytes("odd length")))
                .toBytes(transport == Transport.TCP));
        assertThat(text(receiveAtPeer())).isEqualTo("odd length");

        toClient(relayed, "via channel");
        byte[] frame = client.receive(Duration.ofSeconds(5)).orElseThrow();
        assertThat(frame).as("11 bytes of data, padded to 12 over TCP (RFC 8656 §12.5)")
                .hasSize(transport == Transport.TCP ? 16 : 15);
        ChannelData channelData = ChannelData.decode(java.nio.ByteBuffer.wrap(frame));
        assertThat(channelData.channelNumber()).isEqualTo(0x4001);
        byte[] payload = new byte[channelData.data().remaining()];
        channelData.data().get(payload);
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("via channel");

        // Counted just after the send, so possibly a moment after the packet has arrived.
        TurnStats stats = server.stats();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(stats.relayedPackets(TurnStats.Direction.TO_PEER)).isEqualTo(2);
            assertThat(stats.relayedPackets(TurnStats.Direction.TO_CLIENT)).isEqualTo(2);
            // The allocation's own counts: application bytes each way, whichever thread relayed them.
            assertThat(server.allocations().getFirst().traffic().counts()).isEqualTo(new RelayedTraffic.Counts(
                    "hello peer".length() + "odd length".length(), 2,
                    "hello client".length() + "via channel".length(), 2));
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void refreshWithLifetimeZeroDeletesTheAllocation(Transport transport) throws IOException {
        TurnTestClient client = start(transport);
        allocate(client);
        assertThat(server.allocationCount()).isEqualTo(1);
        assertThat(success(client.authenticated(StunMethod.REFRESH, new Lifetime(0)))).isTrue();
        assertThat(server.allocationCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "TCP")
    void closingTheConnectionEndsItsAllocation(Transport transport) throws IOException {
        TurnTestClient client = start(transport);
        allocate(client);
        assertThat(server.allocationCount()).isEqualTo(1);
        client.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.allocationCount() == 0);
    }

    private static InetSocketAddress allocate(TurnTestClient client) {
        DecodedMessage response = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
        assertThat(success(response)).as("Allocate answered %s", response.message()).isTrue();
        return response.message().attribute(XorRelayedAddress.class).orElseThrow().address();
    }

    private static boolean success(DecodedMessage response) {
        return response.message().type().messageClass() == MessageClass.SUCCESS_RESPONSE;
    }

    private static byte[] sendIndication(InetSocketAddress peer, String text) {
        return StunEncoder.of(MessageType.of(StunMethod.SEND, MessageClass.INDICATION), TurnTestClient.newId())
                .add(new XorPeerAddress(peer))
                .add(new Data(ByteString.wrap(bytes(text))))
                .toBytes();
    }

    private DatagramPacket receiveAtPeer() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        peer.receive(packet);
        return packet;
    }

    private void toClient(InetSocketAddress relayed, String text) throws IOException {
        byte[] payload = bytes(text);
        peer.send(new DatagramPacket(payload, payload.length, relayed));
    }

    private static String text(DatagramPacket packet) {
        return new String(Arrays.copyOf(packet.getData(), packet.getLength()), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
