package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.Trusting;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.tls.SelfSignedCertificate;
import org.webrtcscratch.tls.TlsIdentity;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.proto.Data;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;
import org.webrtcscratch.turn.proto.XorRelayedAddress;

/** TURN over TLS ({@code turns:}, RFC 8656 §3.1): the TCP framing inside TLS, with the server's certificate. */
class TurnOverTlsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final TlsIdentity IDENTITY = SelfSignedCertificate.create(List.of("127.0.0.1", "localhost"),
            Instant.now());

    private TurnServer server;
    private InetSocketAddress tlsAddress;

    @BeforeEach
    void start() {
        server = TurnServer.start(TurnSettings.onLoopback().withUsers(List.of("alice:pw"))
                .withTls(Optional.of(new TlsListening(IDENTITY.sslContext(), 0))));
        tlsAddress = server.tlsAddresses().getFirst();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnAPortOfItsOwn() {
        assertThat(server.tlsAddresses()).hasSize(1);
        assertThat(tlsAddress.getPort()).isNotEqualTo(server.port());
        assertThat(server.tlsPort()).hasValue(tlsAddress.getPort());
    }

    @Test
    void relaysBothWaysOverTls() throws Exception {
        try (TurnTestClient client = TurnTestClient.tls(tlsAddress, Trusting.only(IDENTITY)).credentials("alice", "pw");
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            peer.setSoTimeout(5000);
            assertThat(client.request(StunMethod.BINDING).message().attribute(XorMappedAddress.class).orElseThrow()
                    .address()).isEqualTo(client.localAddress());
            InetSocketAddress relayed = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP).message()
                    .attribute(XorRelayedAddress.class).orElseThrow().address();
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.CREATE_PERMISSION,
                    new XorPeerAddress(peerAddress)))).isZero();

            client.send(StunEncoder.of(MessageType.of(StunMethod.SEND, MessageClass.INDICATION), TurnTestClient.newId())
                    .add(new XorPeerAddress(peerAddress)).add(new Data(ByteString.wrap(bytes("to the peer"))))
                    .toBytes());
            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            peer.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
                    .isEqualTo("to the peer");
            assertThat(packet.getSocketAddress()).isEqualTo(relayed);

            peer.send(new DatagramPacket(bytes("to the client"), 13, relayed));
            DecodedMessage indication = client.receiveStun();
            assertThat(new String(indication.message().attribute(Data.class).orElseThrow().value().toByteArray(),
                    StandardCharsets.UTF_8)).isEqualTo("to the client");
        }
        await("the allocation ends with its TLS connection").atMost(Duration.ofSeconds(10))
                .until(() -> server.allocationCount() == 0);
    }

    @Test
    void plainTcpOnTheTlsPortIsClosedAndTheListenerCarriesOn() throws Exception {
        try (Socket socket = new Socket(LOOPBACK, tlsAddress.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST),
                    TurnTestClient.newId()).toBytes());
            assertThat(readsToEnd(socket)).isTrue();
        }
        try (TurnTestClient client = TurnTestClient.tls(tlsAddress, Trusting.only(IDENTITY))) {
            assertThat(client.request(StunMethod.BINDING).message().type().messageClass())
                    .isEqualTo(MessageClass.SUCCESS_RESPONSE);
        }
    }

    /** Whatever the server sends (a TLS alert), then the end of the stream. */
    private static boolean readsToEnd(Socket socket) {
        try {
            while (socket.getInputStream().read() >= 0) {
                // the alert's bytes
            }
            return true;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
