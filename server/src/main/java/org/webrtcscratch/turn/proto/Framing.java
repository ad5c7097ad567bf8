package org.webrtcscratch.turn.proto;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;

/**
 * Cuts a TCP/TLS byte stream into STUN messages and ChannelData messages, RFC 8656 §12.5: both announce their
 * length in their first 4 bytes. A STUN message is its header plus Length; a ChannelData message is its header
 * plus Length rounded up to 4, since over a stream the padding is always sent.
 */
public final class Framing {

    /** Bytes needed before the length of a frame is known. */
    public static final int PREFIX_SIZE = 4;

    private Framing() {
    }

    /**
     * Length of the frame starting at the buffer's position, or -1 when fewer than {@value #PREFIX_SIZE} bytes
     * are there yet. The buffer is not modified; the frame itself may still be incomplete.
     *
     * @throws StunDecodeException when the first byte starts neither kind of frame: the stream is not
     *                             TURN and the connection should be closed
     */
    public static int frameLength(ByteBuffer stream) {
        if (stream.remaining() < PREFIX_SIZE) {
            return -1;
        }
        int start = stream.position();
        int length = Short.toUnsignedInt(stream.getShort(start + 2));
        return switch (FrameKind.of(stream.get(start))) {
            case STUN -> StunHeader.HEADER_SIZE + length;
            case CHANNEL_DATA -> ChannelData.HEADER_SIZE + (length + 3 & ~3);
            case OTHER -> throw new StunDecodeException("framing", "first byte 0x%02x starts neither a STUN message"
                    .formatted(stream.get(start)) + " (0b00) nor a ChannelData message (0b01)");
        };
    }
}
