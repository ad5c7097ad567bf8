package org.webrtcscratch.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.IntegrityKeys;
import org.webrtcscratch.stun.StunEncoder;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;
import org.webrtcscratch.turn.proto.ChannelData;
import org.webrtcscratch.turn.proto.FrameKind;
import org.webrtcscratch.turn.proto.Framing;
import org.webrtcscratch.turn.proto.TurnCodec;

/**
 * A small STUN/TURN client over UDP or TCP, built from our own codec, for loopback tests of the real
 * listeners. Requests wait for the response with their transaction ID; anything else that arrives meanwhile
 * (Data indications, ChannelData) is kept for {@link #receive}. {@link #authenticated} runs the long-term
 * credential dance: a first request without credentials, the 401's REALM and NONCE, then the signed request
 * (and once more after a 438).
 */
public final class TurnTestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transport transport;
    private final Deque<byte[]> unsolicited = new ArrayDeque<>();
    private String username;
    private String password;
    private byte[] key;
    private Realm realm;
    private Nonce nonce;

    private TurnTestClient(Transport transport) {
        this.transport = transport;
    }

    public static TurnTestClient udp(InetSocketAddress server) {
        return udp(server, server.getAddress());
    }

    /** Over UDP from {@code local} (another loopback address, e.g. 127.0.0.2, is another source to the server). */
    public static TurnTestClient udp(InetSocketAddress server, InetAddress local) {
        return new TurnTestClient(new Udp(server, local));
    }

    public static TurnTestClient tcp(InetSocketAddress server) {
        return tcp(server, server.getAddress());
    }

    /** Over TCP from {@code local}, another source to the server (as for {@link #udp(InetSocketAddress, InetAddress)}). */
    public static TurnTestClient tcp(InetSocketAddress server, InetAddress local) {
        try {
            return new TurnTestClient(new Tcp(new Socket(server.getAddress(), server.getPort(), local, 0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Over TLS ({@code turns:}), trusting what {@code context} trusts; the handshake is done before this returns. */
    public static TurnTestClient tls(InetSocketAddress server, SSLContext context) {
        try {
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.getAddress(), server.getPort());
            socket.startHandshake();
            return new TurnTestClient(new Tcp(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Credentials for {@link #authenticated}; the key is derived once the server has named its realm. */
    public TurnTestClient credentials(String user, String password) {
        this.username = user;
        this.key = null;
        this.realm = null;
        this.password = password;
        return this;
    }

    public InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    /** Sends a request without credentials and returns the response. */
    public DecodedMessage request(StunMethod method, Attribute... attributes) {
        StunEncoder encoder = StunEncoder.of(MessageType.of(method, MessageClass.REQUEST), newId());
        return transact(encoder.addAll(List.of(attributes)).toBytes());
    }

    /** Sends a request with long-term credentials, fetching REALM and NONCE first when needed. */
    public DecodedMessage authenticated(StunMethod method, Attribute... attributes) {
        if (nonce == null) {
            DecodedMessage challenge = request(method, attributes);
            if (errorCode(challenge) != 401) {
                return challenge;
            }
            learn(challenge);
        }
        DecodedMessage response = transact(signed(method, attributes));
        if (errorCode(response) == 438) {
            learn(response);
            response = transact(signed(method, attributes));
        }
        return response;
    }

    /** The bytes of a signed request with the current REALM and NONCE, for tests that send them raw. */
    public byte[] signed(StunMethod method, Attribute... attributes) {
        return StunEncoder.of(MessageType.of(method, MessageClass.REQUEST), newId())
                .addAll(List.of(attributes))
                .add(new Username(username)).add(realm).add(nonce)
                .messageIntegrity(key)
                .toBytes();
    }

    private void learn(DecodedMessage challenge) {
        realm = challenge.message().attribute(Realm.class).orElseThrow();
        nonce = challenge.message().attribute(Nonce.class).orElseThrow();
        key = IntegrityKeys.longTermMd5(username, realm.value(), password);
    }

    /** Sends {@code bytes} and waits for the response with the same transaction ID. */
    public DecodedMessage transact(byte[] bytes) {
        byte[] id = Arrays.copyOfRange(bytes, 8, 20);
        transport.send(bytes);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<byte[]> message = transport.receive(WAIT);
            if (message.isEmpty()) {
                break;
            }
            byte[] received = message.get();
            if (FrameKind.of(received[0]) == FrameKind.STUN && received.length >= 20
                    && Arrays.equals(Arrays.copyOfRange(received, 8, 20), id)
                    && MessageType.fromCode((received[0] & 0xFF) << 8 | received[1] & 0xFF).messageClass()
                            .isResponse()) {
                return TurnCodec.DECODER.decode(received);
            }
            unsolicited.add(received);
        }
        throw new AssertionError("no response within " + WAIT);
    }

    /** Sends raw bytes: indications, ChannelData, garbage. */
    public void send(byte[] bytes) {
        transport.send(bytes);
    }

    /** The next message that was not a response to a request: a Data indication or ChannelData. */
    public Optional<byte[]> receive(Duration wait) {
        return unsolicited.isEmpty() ? transport.receive(wait) : Optional.of(unsolicited.poll());
    }

    /** The next unsolicited message, decoded as STUN (a Data indication). */
    public DecodedMessage receiveStun() {
        byte[] bytes = receive(WAIT).orElseThrow(() -> new AssertionError("no STUN message within " + WAIT));
        return TurnCodec.DECODER.decode(bytes);
    }

    public static int errorCode(DecodedMessage response) {
        return response.message().attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
    }

    public static TransactionId newId() {
        return TransactionId.random(RANDOM);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** One blocking read whose socket timeout is already set. */
    @FunctionalInterface
    private interface Read {
        byte[] read() throws IOException;
    }

    /** The bytes read, or empty when the socket timed out first. */
    private static Optional<byte[]> readWithin(Read read) {
        try {
            return Optional.of(read.read());
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Transport extends AutoCloseable {
        void send(byte[] bytes);

        Optional<byte[]> receive(Duration wait);

        InetSocketAddress localAddress();

        @Override
        void close();
    }

    private static final class Udp implements Transport {
        private final DatagramSocket socket;
        private final InetSocketAddress server;

        Udp(InetSocketAddress server, InetAddress local) {
            this.server = server;
            try {
                socket = new DatagramSocket(new InetSocketAddress(local, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void send(byte[] bytes) {
            try {
                socket.send(new DatagramPacket(bytes, bytes.length, server));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<byte[]> receive(Duration wait) {
            byte[] buffer = new byte[65_536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            return readWithin(() -> {
                socket.setSoTimeout((int) wait.toMillis());
                socket.receive(packet);
                return Arrays.copyOf(buffer, packet.getLength());
            });
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static final class Tcp implements Transport {
        private final Socket socket;
        private final DataInputStream in;

        Tcp(Socket socket) {
            this.socket = socket;
            try {
                socket.setTcpNoDelay(true);
                in = new DataInputStream(socket.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void send(byte[] bytes) {
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One frame; ChannelData comes with its padding, which {@link ChannelData#decode} ignores. */
        @Override
        public Optional<byte[]> receive(Duration wait) {
            return readWithin(() -> {
                socket.setSoTimeout((int) wait.toMillis());
                byte[] prefix = new byte[Framing.PREFIX_SIZE];
                in.readFully(prefix);
                int length = Framing.frameLength(ByteBuffer.wrap(prefix));
                byte[] frame = Arrays.copyOf(prefix, length);
                in.readFully(frame, Framing.PREFIX_SIZE, length - Framing.PREFIX_SIZE);
                return frame;
            });
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
