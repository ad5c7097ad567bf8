package org.webrtcscratch.turn.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webrtcscratch.net.FiveTuple;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.turn.allocation.Allocation;
import org.webrtcscratch.turn.allocation.AllocationManager;
import org.webrtcscratch.turn.allocation.ClientToPeer;
import org.webrtcscratch.turn.allocation.DropReason;
import org.webrtcscratch.turn.allocation.Dropped;
import org.webrtcscratch.turn.proto.ChannelData;
import org.webrtcscratch.turn.proto.FrameKind;
import org.webrtcscratch.turn.server.Ignored;
import org.webrtcscratch.turn.server.TurnHandler;
import org.webrtcscratch.turn.server.TurnReply;
import org.webrtcscratch.turn.server.TurnStats;

/**
 * What the UDP and TCP listeners share once they have cut out one message: ChannelData goes straight to the
 * peer (RFC 8656 §12.6) through a lock-free allocation lookup, without STUN decoding; STUN messages go to the
 * {@link TurnHandler}, whose {@link TurnReply} is carried out here. Thread-safe.
 */
final class ClientTraffic {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTraffic.class);

    private final TurnHandler handler;
    private final AllocationManager allocations;
    private final EventLoops loops;
    private final TurnStats stats;

    ClientTraffic(TurnHandler handler, AllocationManager allocations, EventLoops loops, TurnStats stats) {
        this.handler = handler;
        this.allocations = allocations;
        this.loops = loops;
        this.stats = stats;
    }

    /** One message from a client: the buffer's remaining bytes, which this call may consume. */
    void onMessage(ByteBuffer message, FiveTuple from, ReturnPath back) {
        if (!message.hasRemaining()) {
            stats.countIgnored(Ignored.MALFORMED);
            return;
        }
        switch (FrameKind.of(message.get(message.position()))) {
            case CHANNEL_DATA -> channelData(message, from);
            case STUN -> carryOut(handler.handle(message, from), back, from);
            case OTHER -> stats.countIgnored(Ignored.MALFORMED);
        }
    }

    /** Checks the header and sends the data where it lies in {@code message}: nothing is built per packet. */
    private void channelData(ByteBuffer message, FiveTuple from) {
        int length;
        try {
            length = ChannelData.checkedDataLength(message);
        } catch (StunDecodeException e) {
            stats.countIgnored(Ignored.MALFORMED);
            return;
        }
        Optional<Allocation> allocation = allocations.find(from);
        if (allocation.isEmpty()) {
            stats.countDrop(DropReason.ALLOCATION_GONE);
            return;
        }
        switch (allocation.get().routeChannelData(ChannelData.channelNumberAt(message), length)) {
            case ClientToPeer.Forward forward -> {
                int start = message.position() + ChannelData.HEADER_SIZE;
                toPeer(allocation.get(), forward.peer(), message.limit(start + length).position(start));
            }
            case Dropped dropped -> stats.countDrop(dropped.reason());
        }
    }

    private void carryOut(TurnReply reply, ReturnPath back, FiveTuple from) {
        switch (reply) {
            case TurnReply.Respond respond -> back.to(from).send(respond.message());
            case TurnReply.Allocated allocated -> {
                ClientSink client = back.to(from);
                loops.relay(allocated.allocation(), client);
                client.send(allocated.message());
            }
            case TurnReply.Forward forward ->
                    toPeer(forward.allocation(), forward.peer(), forward.data());
            case TurnReply.Ignore ignore -> { }
            case TurnReply.Drop drop -> { }
        }
    }

    private void toPeer(Allocation allocation, InetSocketAddress peer, ByteBuffer data) {
        int length = data.remaining();
        try {
            allocation.relayPort().send(data, peer);
            stats.countRelayed(TurnStats.Direction.TO_PEER, length);
            allocation.traffic().toPeer(length);
        } catch (ClosedChannelException e) {
            // The allocation went between the lookup and the send, closing its port.
            stats.countDrop(DropReason.ALLOCATION_GONE);
        } catch (IOException e) {
            LOG.debug("relay from {} to {} failed: {}", allocation.relayedAddress(), peer, e.toString());
        }
    }
}
