package org.webrtcscratch.bench.stun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sets up one TURN session before the load starts (RFC 8656): Allocate (answered 401 with REALM and NONCE),
 * Allocate again with the long-term credentials, then ChannelBind the echo peer to a channel, which also
 * installs the permission (§12). Blocking with retransmissions: it runs once per session, unmeasured.
 */
public final class TurnAllocation {

    private static final int ATTEMPTS = 5;
    private static final long ATTEMPT_TIMEOUT_MILLIS = 500;

    private TurnAllocation() { }

    /** Allocates on {@code channel} (connected to the TURN server) and binds {@code channelNumber} to {@code peer}. */
    public static InetSocketAddress setUp(DatagramChannel channel, String username, String password,
                                          InetSocketAddress peer, int channelNumber) throws IOException {
        StunWire.Response challenge = transact(channel, StunWire.encode(StunWire.ALLOCATE_REQUEST, transactionId(),
                List.of(StunWire.requestedTransportUdp()), null));
        if (challenge.errorCode() != 401 || challenge.realm() == null || challenge.nonce() == null) {
            throw new IllegalStateException("Allocate without credentials: expected 401 with REALM and NONCE, got type "
                    + Integer.toHexString(challenge.type()) + " error " + challenge.errorCode());
        }
        LongTermCredentials credentials = new LongTermCredentials(username, password, challenge.realm(), challenge.nonce());
        StunWire.Response allocated = transact(channel, StunWire.encode(StunWire.ALLOCATE_REQUEST, transactionId(),
                List.of(StunWire.requestedTransportUdp()), credentials));
        if (!allocated.isSuccess() || allocated.relayedAddress() == null) {
            throw new IllegalStateException("Allocate with credentials failed: error " + allocated.errorCode());
        }
        StunWire.Response bound = transact(channel, StunWire.encode(StunWire.CHANNEL_BIND_REQUEST, transactionId(),
                List.of(StunWire.channelNumber(channelNumber), StunWire.xorPeerAddress(peer)), credentials));
        if (!bound.isSuccess()) {
            throw new IllegalStateException("ChannelBind to " + peer + " failed: error " + bound.errorCode()
                    + " (a TURN server must be told to allow loopback peers)");
        }
        return allocated.relayedAddress();
    }

    /** Sends {@code request} until a STUN answer with its transaction id arrives (5 tries, 0.5 s apart). */
    static StunWire.Response transact(DatagramChannel channel, byte[] request) throws IOException {
        byte[] transactionId = java.util.Arrays.copyOfRange(request, 8, 20);
        byte[] in = new byte[2048];
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                channel.write(ByteBuffer.wrap(request));
                long deadline = System.nanoTime() + ATTEMPT_TIMEOUT_MILLIS * 1_000_000;
                while (System.nanoTime() < deadline) {
                    selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    selector.selectedKeys().clear();
                    ByteBuffer buffer = ByteBuffer.wrap(in);
                    int length = channel.read(buffer);
                    if (length >= StunWire.HEADER_SIZE && !ChannelData.isChannelData(in, length)) {
                        StunWire.Response response = StunWire.decode(in, length);
                        if (java.util.Arrays.equals(response.transactionId(), transactionId)) {
                            return response;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no answer from " + channel.getRemoteAddress() + " after " + ATTEMPTS + " tries");
    }

    static byte[] transactionId() {
        byte[] id = new byte[StunWire.TRANSACTION_ID_SIZE];
        ThreadLocalRandom.current().nextBytes(id);
        return id;
    }
}
