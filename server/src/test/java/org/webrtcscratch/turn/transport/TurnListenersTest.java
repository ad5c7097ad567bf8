package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.ManualTicker;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.event.RecordingSink;
import org.webrtcscratch.turn.event.TurnEvent;
import org.webrtcscratch.turn.proto.ChannelData;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/** What the listeners do beyond one session: addresses, IPv6, stream framing, expiry. */
class TurnListenersTest {

    private static final InetAddress V4 = InetAddress.getLoopbackAddress();
    private static final InetAddress V6 = ip("::1");

    private TurnServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyListenAddressGetsUdpAndTcpOnOnePort() {
        server = TurnServer.start(TurnSettings.onLoopback().withListenAddresses(List.of(V4, V6)));
        int port = server.port();
        assertThat(server.udpAddresses()).containsExactly(new InetSocketAddress(V4, port), new InetSocketAddress(V6, port));
        assertThat(server.tcpAddresses()).containsExactly(new InetSocketAddress(V4, port), new InetSocketAddress(V6, port));
        for (InetAddress address : List.of(V4, V6)) {
            for (TurnTestClient client : List.of(TurnTestClient.udp(new InetSocketAddress(address, port)),
                    TurnTestClient.tcp(new InetSocketAddress(address, port)))) {
                try (client) {
                    DecodedMessage response = client.request(StunMethod.BINDING);
                    assertThat(response.message().attribute(XorMappedAddress.class).orElseThrow().address())
                            .isEqualTo(client.localAddress());
                }
            }
        }
    }

    @Test
    void aSecondServerOnAPortInUseRefusesToStartAndTheFirstCarriesOn() {
        server = TurnServer.start(TurnSettings.onLoopback());
        int port = server.port();
        // SO_REUSEPORT would let it share the port silently, and the kernel would split the clients between them.
        assertThatThrownBy(() -> TurnServer.start(TurnSettings.onLoopback().withPort(port)).close())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("UDP port " + port + " on 127.0.0.1 is in use by another process");
        for (int i = 0; i < 20; i++) {
            try (TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(V4, port))) {
                assertThat(client.request(StunMethod.BINDING).message().type().messageClass())
                        .isEqualTo(MessageClass.SUCCESS_RESPONSE);
            }
        }
    }

    @Test
    void aPortHeldByAnotherProgramOverTcpIsRefusedToo() throws IOException {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 50, V4)) {
            assertThatThrownBy(() -> TurnServer.start(TurnSettings.onLoopback().withPort(other.getLocalPort())).close())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("TCP port " + other.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void anIpv6ServerRelaysBetweenIpv6Addresses() throws IOException {
        server = TurnServer.start(TurnSettings.on(V6).withUsers(List.of("alice:pw")));
        try (TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(V6, server.port())).credentials("alice", "pw");
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(V6, 0))) {
            peer.setSoTimeout(5000);
            DecodedMessage allocated = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP,
                    org.webrtcscratch.turn.proto.RequestedAddressFamily.of(
                            org.webrtcscratch.stun.attr.AddressFamily.IPV6));
            InetSocketAddress relayed = allocated.message().attribute(XorRelayedAddress.class).orElseThrow().address();
            assertThat(relayed.getAddress()).isEqualTo(V6);
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            client.authenticated(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4ABC), new XorPeerAddress(peerAddress));
            client.send(new ChannelData(0x4ABC, ByteBuffer.wrap(bytes("over six"))).toBytes(false));
            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            peer.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)).isEqualTo("over six");
            assertThat(packet.getSocketAddress()).isEqualTo(relayed);
        }
    }

    @Test
    void tcpMessagesAreFoundWhereverTheStreamSplitsThem() throws IOException {
        server = TurnServer.start(TurnSettings.onLoopback());
        byte[] first = requestBytes();
        byte[] second = requestBytes();
        byte[] stream = new byte[first.length + second.length];
        System.arraycopy(first, 0, stream, 0, first.length);
        System.arraycopy(second, 0, stream, first.length, second.length);
        try (Socket socket = new Socket(V4, server.port())) {
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            for (byte b : stream) {
                out.write(b);
                out.flush();
            }
            InputStream in = socket.getInputStream();
            assertThat(Arrays.copyOfRange(in.readNBytes(32), 8, 20)).isEqualTo(Arrays.copyOfRange(first, 8, 20));
            assertThat(Arrays.copyOfRange(in.readNBytes(32), 8, 20)).isEqualTo(Arrays.copyOfRange(second, 8, 20));
        }
    }

    @Test
    void aTcpStreamThatIsNotStunIsClosed() throws IOException {
        server = TurnServer.start(TurnSettings.onLoopback());
        try (Socket socket = new Socket(V4, server.port())) {
            socket.setSoTimeout(5000);
            // 0b11 in the first two bits starts neither a STUN message (0b00) nor ChannelData (0b01).
            socket.getOutputStream().write(new byte[] {(byte) 0xC0, 0, 0, 0});
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void garbageOverUdpIsIgnoredAndTheListenerCarriesOn() throws IOException {
        server = TurnServer.start(TurnSettings.onLoopback());
        try (DatagramChannel channel = DatagramChannel.open();
                TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(V4, server.port()))) {
            InetSocketAddress target = new InetSocketAddress(V4, server.port());
            for (byte[] garbage : List.of(new byte[0], new byte[] {(byte) 0xFF}, new byte[] {0x40, 0, 0, 9},
                    bytes("not a stun message at all"))) {
                channel.send(ByteBuffer.wrap(garbage), target);
            }
            assertThat(client.request(StunMethod.BINDING).message().type().messageClass())
                    .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        }
    }

    @Test
    void expiredAllocationsAreSweptAndTheirRelayPortsFreed() throws IOException {
        SettableClock clock = SettableClock.atEpochSecond(4_000_000_000L);
        ManualTicker sweeps = new ManualTicker();
        server = TurnServer.start(TurnSettings.onLoopback().withUsers(List.of("alice:pw")), clock, sweeps);
        RecordingSink events = new RecordingSink();
        server.events().subscribe(events);
        InetSocketAddress relayed;
        try (TurnTestClient client = TurnTestClient.udp(new InetSocketAddress(V4, server.port())).credentials("alice", "pw")) {
            relayed = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP).message()
                    .attribute(XorRelayedAddress.class).orElseThrow().address();
        }
        assertThat(server.allocationCount()).isEqualTo(1);
        clock.advance(server.settings().config().allocation().allocationLifetime());
        assertThat(server.allocationCount()).as("expired, but not yet swept").isEqualTo(1);

        sweeps.tick();

        assertThat(server.allocationCount()).isZero();
        assertThat(events.of(TurnEvent.Expired.class)).extracting(TurnEvent.Expired::username).containsExactly("alice");
        // The port closes once its event loop lets go of it, on that loop's thread.
        await().atMost(Duration.ofSeconds(10)).until(() -> canBind(relayed));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (DatagramSocket socket = new DatagramSocket(address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] requestBytes() {
        return org.webrtcscratch.stun.StunEncoder.of(org.webrtcscratch.stun.header.MessageType.of(StunMethod.BINDING,
                MessageClass.REQUEST), TurnTestClient.newId()).toBytes();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
