package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.RestApiSecret;
import org.webrtcscratch.turn.proto.ChannelNumber;
import org.webrtcscratch.turn.proto.Lifetime;
import org.webrtcscratch.turn.proto.RequestedTransport;
import org.webrtcscratch.turn.proto.XorPeerAddress;

/**
 * Every attribute edge case a client can send, over the real UDP and TCP listeners: each gets the STUN error
 * the RFCs name for it (or is dropped where they say so), never a 500, and nothing in the server's log at
 * warning level or above, which is what an attacker could otherwise fill.
 */
class HostileInputTest {

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
    private static final RestApiSecret SECRET = RestApiSecret.of("hostile-input-test");
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    /** Comprehension-required (below 0x8000) and assigned to nobody. */
    private static final int UNKNOWN_REQUIRED = 0x7FF1;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TurnServer server;
    private final List<TurnTestClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        log.start();
        root.addAppender(log);
        server = TurnServer.start(TurnSettings.onLoopback().withSecret(SECRET)
                .withUsers(List.of(USER + ":" + PASSWORD)));
    }

    @AfterEach
    void stop() {
        clients.forEach(TurnTestClient::close);
        server.close();
        root.detachAppender(log);
    }

    /** A case: what is sent, and the error code expected (0: a success response; -1: no answer at all). */
    private record Case(String name, Function<TurnTestClient, byte[]> request, int expected) {
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyEdgeCaseGetsAProperAnswerAndNoLogNoise(Transport transport) {
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases()) {
            TurnTestClient client = connect(transport).credentials(USER, PASSWORD);
            primeNonce(client);
            byte[] bytes = c.request().apply(client);
            if (c.expected() < 0) {
                client.send(bytes);
                DecodedMessage probe = client.request(StunMethod.BINDING);
                softly.assertThat(probe.message().type().messageClass()).as(c.name() + ": still answered after")
                        .isEqualTo(MessageClass.SUCCESS_RESPONSE);
                softly.assertThat(client.receive(Duration.ofMillis(50))).as(c.name() + ": no answer").isEmpty();
                continue;
            }
            DecodedMessage response = client.transact(bytes);
            softly.assertThat(TurnTestClient.errorCode(response)).as(c.name()).isEqualTo(c.expected());
        }
        for (String user : hugeExpiryUsernames()) {
            TurnTestClient client = connect(transport).credentials(user, SECRET.passwordFor(user));
            DecodedMessage response = client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
            softly.assertThat(TurnTestClient.errorCode(response)).as("REST username " + user).isEqualTo(401);
        }
        softly.assertThat(server.stats().errors(org.webrtcscratch.stun.attr.StunErrorCode.SERVER_ERROR)).isZero();
        softly.assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)).as("warnings and errors logged").isEmpty();
        softly.assertAll();
    }

    /** REST API usernames whose expiry is no number a clock can reach: unknown users, 401. */
    private static List<String> hugeExpiryUsernames() {
        return List.of("9999999999999999999", "9223372036854775808:bob", "18446744073709551616",
                "-5:bob", "+99999999:bob", "0x7fffffff:bob", "١٢٣٤٥٦٧٨٩٠:bob", ":bob", "");
    }

    private TurnTestClient connect(Transport transport) {
        TurnTestClient client = transport.connect.apply(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        clients.add(client);
        return client;
    }

    /** Gets REALM and NONCE from a 401 so that {@link TurnTestClient#signed} can sign. */
    private static void primeNonce(TurnTestClient client) {
        assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.REFRESH))).isIn(0, 437);
    }

    private static List<Case> cases() {
        return List.of(
                new Case("attribute longer than the message", c -> truncatedAttribute(), 400),
                new Case("message length not a multiple of 4", c -> oddLength(), -1),
                new Case("oversize SOFTWARE (over 763 bytes)",
                        c -> unsigned(StunMethod.BINDING, raw(0x8022, 2000)), 400),
                new Case("oversize USERNAME (over 513 bytes)", c -> unsignedWith(StunMethod.ALLOCATE,
                        new RawAttribute(0x0006, ByteString.wrap(new byte[600]))), 400),
                new Case("unknown comprehension-required in Binding", c -> unsigned(StunMethod.BINDING,
                        raw(UNKNOWN_REQUIRED, 4)), 420),
                new Case("unknown comprehension-required in Allocate", c -> c.signed(StunMethod.ALLOCATE,
                        RequestedTransport.UDP, raw(UNKNOWN_REQUIRED, 4)), 420),
                new Case("unknown comprehension-optional is ignored", c -> c.signed(StunMethod.REFRESH,
                        raw(0xFF01, 4), new Lifetime(0)), 437),
                new Case("duplicate LIFETIME: the first counts", c -> c.signed(StunMethod.REFRESH,
                        new Lifetime(0), new Lifetime(600)), 437),
                new Case("duplicate REQUESTED-TRANSPORT", c -> c.signed(StunMethod.ALLOCATE,
                        RequestedTransport.UDP, new RequestedTransport(6)), 0),
                new Case("LIFETIME of 3 bytes", c -> c.signed(StunMethod.REFRESH, raw(0x000D, 3)), 400),
                new Case("LIFETIME of 8 bytes", c -> c.signed(StunMethod.REFRESH, raw(0x000D, 8)), 400),
                new Case("zero LIFETIME on Allocate", c -> c.signed(StunMethod.ALLOCATE, RequestedTransport.UDP,
                        new Lifetime(0)), 0),
                new Case("huge LIFETIME on Refresh", c -> c.signed(StunMethod.REFRESH,
                        new Lifetime(0xFFFF_FFFFL)), 437),
                new Case("REQUESTED-TRANSPORT of 2 bytes", c -> c.signed(StunMethod.ALLOCATE, raw(0x0019, 2)), 400),
                new Case("REQUESTED-TRANSPORT TCP", c -> c.signed(StunMethod.ALLOCATE,
                        new RequestedTransport(6)), 442),
                new Case("REQUESTED-TRANSPORT 255", c -> c.signed(StunMethod.ALLOCATE,
                        new RequestedTransport(255)), 442),
                new Case("no REQUESTED-TRANSPORT", c -> c.signed(StunMethod.ALLOCATE), 400),
                new Case("XOR-PEER-ADDRESS of 5 bytes", c -> c.signed(StunMethod.CREATE_PERMISSION,
                        raw(0x0012, 5)), 400),
                new Case("XOR-PEER-ADDRESS family 3", c -> c.signed(StunMethod.CREATE_PERMISSION,
                        new RawAttribute(0x0012, ByteString.wrap(new byte[] {0, 3, 0, 1, 1, 2, 3, 4}))), 400),
                new Case("IPv4 family with IPv6 length", c -> c.signed(StunMethod.CREATE_PERMISSION,
                        new RawAttribute(0x0012, ByteString.wrap(Arrays.copyOf(new byte[] {0, 1, 0, 1}, 20)))), 400),
                new Case("REQUESTED-ADDRESS-FAMILY 3", c -> c.signed(StunMethod.ALLOCATE, RequestedTransport.UDP,
                        new RawAttribute(0x0017, ByteString.wrap(new byte[] {3, 0, 0, 0}))), 440),
                new Case("CHANNEL-NUMBER of 2 bytes", c -> allocated(c).signed(StunMethod.CHANNEL_BIND, raw(0x000C, 2),
                        new XorPeerAddress(PEER)), 400),
                new Case("CHANNEL-NUMBER 0x3FFF", c -> allocated(c).signed(StunMethod.CHANNEL_BIND, channel(0x3FFF),
                        new XorPeerAddress(PEER)), 400),
                new Case("CHANNEL-NUMBER 0x8000", c -> allocated(c).signed(StunMethod.CHANNEL_BIND, channel(0x8000),
                        new XorPeerAddress(PEER)), 400),
                new Case("CHANNEL-NUMBER 0xFFFF", c -> allocated(c).signed(StunMethod.CHANNEL_BIND, channel(0xFFFF),
                        new XorPeerAddress(PEER)), 400),
                new Case("ChannelBind without an allocation", c -> c.signed(StunMethod.CHANNEL_BIND,
                        new ChannelNumber(0x4000), new XorPeerAddress(PEER)), 437),
                new Case("ChannelData on an unbound channel", c -> channelData(0x4001), -1),
                new Case("a success response from a client", c -> StunEncoder.of(
                        MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE), TurnTestClient.newId())
                        .toBytes(), -1),
                new Case("a Send indication without an allocation", c -> StunEncoder.of(
                        MessageType.of(StunMethod.SEND, MessageClass.INDICATION), TurnTestClient.newId())
                        .add(new XorPeerAddress(PEER)).toBytes(), -1),
                new Case("USERNAME without REALM", c -> unsignedWith(StunMethod.ALLOCATE, new Username(USER)), 401));
    }

    /** The client, with an allocation, so that what follows is checked past RFC 8656's 437. */
    private static TurnTestClient allocated(TurnTestClient client) {
        assertThat(TurnTestClient.errorCode(client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP)))
                .isZero();
        return client;
    }

    private static RawAttribute raw(int type, int length) {
        return new RawAttribute(type, ByteString.wrap(new byte[length]));
    }

    private static RawAttribute channel(int number) {
        return new RawAttribute(0x000C, ByteString.wrap(new byte[] {(byte) (number >> 8), (byte) number, 0, 0}));
    }

    private static byte[] unsigned(StunMethod method, Attribute... attributes) {
        return StunEncoder.of(MessageType.of(method, MessageClass.REQUEST), TurnTestClient.newId())
                .addAll(List.of(attributes)).toBytes();
    }

    private static byte[] unsignedWith(StunMethod method, Attribute attribute) {
        return unsigned(method, RequestedTransport.UDP, attribute);
    }

    /** A LIFETIME whose header claims 16 bytes where the message ends after 4. */
    private static byte[] truncatedAttribute() {
        byte[] bytes = unsigned(StunMethod.BINDING, raw(0x8022, 4));
        ByteBuffer.wrap(bytes).putShort(22, (short) 16);
        return bytes;
    }

    /** RFC 8489 §5: the length is always a multiple of 4; anything else is not STUN and is dropped. */
    private static byte[] oddLength() {
        byte[] bytes = Arrays.copyOf(unsigned(StunMethod.BINDING), 22);
        ByteBuffer.wrap(bytes).putShort(2, (short) 2);
        return bytes;
    }

    private static byte[] channelData(int channel) {
        return ByteBuffer.allocate(8).putShort((short) channel).putShort((short) 4).putInt(0x01020304).array();
    }
}
