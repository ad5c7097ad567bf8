package org.webrtcscratch.turn.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.SocketAddressCodec;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;
import org.webrtcscratch.turn.proto.ChannelData;

/**
 * Wraps a datagram a peer sent to a relay port for the client, in place: the relay receives the payload
 * {@link #HEADROOM} bytes into its buffer and the header is written in front of it, so relaying copies
 * nothing. As ChannelData when the peer has a channel (RFC 8656 §12.5), else as a Data indication
 * (§11.3: XOR-PEER-ADDRESS and DATA). Each method leaves the buffer's position and limit around the
 * finished message.
 */
public final class PeerDataFraming {

    /** Room for the longest header: a Data indication with an IPv6 XOR-PEER-ADDRESS and DATA's own header. */
    public static final int HEADROOM = StunHeader.HEADER_SIZE + 4 + 20 + 4;
    /** Bytes a buffer needs after the payload: STUN attributes and ChannelData over TCP pad to 4. */
    public static final int TAILROOM = 3;

    private static final int DATA_INDICATION = MessageType.of(StunMethod.DATA, MessageClass.INDICATION).code();

    private PeerDataFraming() {
    }

    /** A ChannelData message around {@code buffer[HEADROOM, HEADROOM + length)}; padded over streams. */
    public static void channelData(ByteBuffer buffer, int length, int channelNumber, boolean padded) {
        int start = HEADROOM - ChannelData.HEADER_SIZE;
        ChannelData.writeHeader(buffer, start, channelNumber, length);
        int end = HEADROOM + length;
        buffer.limit(padded ? pad(buffer, end) : end).position(start);
    }

    /** A Data indication from {@code peer} around {@code buffer[HEADROOM, HEADROOM + length)}. */
    public static void dataIndication(ByteBuffer buffer, int length, InetSocketAddress peer) {
        int peerLength = SocketAddressCodec.valueLength(peer);
        int start = HEADROOM - StunHeader.HEADER_SIZE - 4 - peerLength - 4;
        int end = pad(buffer, HEADROOM + length);
        // An indication is never answered, so its ID need not be secret; ThreadLocalRandom keeps this path cheap.
        TransactionId id = TransactionId.random(ThreadLocalRandom.current());
        ByteBuffer header = buffer.duplicate().limit(HEADROOM).position(start);
        header.putShort((short) DATA_INDICATION)
                .putShort((short) (end - start - StunHeader.HEADER_SIZE))
                .putInt(StunHeader.MAGIC_COOKIE);
        id.writeTo(header);
        header.putShort((short) AttributeType.XOR_PEER_ADDRESS.code()).putShort((short) peerLength);
        SocketAddressCodec.writeXor(header, peer, id);
        header.putShort((short) AttributeType.DATA.code()).putShort((short) length);
        buffer.limit(end).position(start);
    }

    /** Zeroes up to the next multiple of 4 after {@code end}, counted from the payload start; returns the new end. */
    private static int pad(ByteBuffer buffer, int end) {
        int padded = HEADROOM + (end - HEADROOM + 3 & ~3);
        for (int i = end; i < padded; i++) {
            buffer.put(i, (byte) 0);
        }
        return padded;
    }
}
