package org.webrtcscratch.bench.stun;

import java.nio.ByteBuffer;

/**
 * How a load probe looks on the wire: each carries its session and sequence number so the answer can be
 * matched to the send time, with no allocation per probe.
 */
public sealed interface Probe permits Probe.Binding, Probe.ChannelDataEcho {

    /** Writes probe {@code seq} of {@code session} into {@code packet}; returns its length. */
    int write(byte[] packet, int session, long seq);

    /** The sequence number of an answer to one of {@code session}'s probes, or -1 when it is something else. */
    long answeredSeq(byte[] packet, int length, int session);

    /** A Binding request whose transaction id is the session (4 bytes) and the sequence number (8 bytes). */
    record Binding() implements Probe {

        @Override
        public int write(byte[] packet, int session, long seq) {
            ByteBuffer.wrap(packet).putShort((short) StunWire.BINDING_REQUEST).putShort((short) 0)
                    .putInt(StunWire.MAGIC_COOKIE).putInt(session).putLong(seq);
            return StunWire.HEADER_SIZE;
        }

        /** Any STUN message with this transaction id (a UDP echo sends the request itself back). */
        @Override
        public long answeredSeq(byte[] packet, int length, int session) {
            if (length < StunWire.HEADER_SIZE) {
                return -1;
            }
            ByteBuffer in = ByteBuffer.wrap(packet);
            if (in.getInt(4) != StunWire.MAGIC_COOKIE || in.getInt(8) != session) {
                return -1;
            }
            return in.getLong(12);
        }
    }

    /**
     * A ChannelData message on {@code channel} with {@code dataLength} bytes of data, the first 8 of which
     * are the sequence number; the echo peer sends the data back and the relay wraps it the same way.
     */
    record ChannelDataEcho(int channel, int dataLength) implements Probe {

        public ChannelDataEcho {
            if (dataLength < 12 || dataLength % 4 != 0) {
                throw new IllegalArgumentException("data length must be a multiple of 4, at least 12: " + dataLength);
            }
        }

        @Override
        public int write(byte[] packet, int session, long seq) {
            ChannelData.writeHeader(packet, channel, dataLength);
            ByteBuffer.wrap(packet, ChannelData.HEADER_SIZE, 12).putInt(session).putLong(seq);
            return ChannelData.HEADER_SIZE + dataLength;
        }

        @Override
        public long answeredSeq(byte[] packet, int length, int session) {
            if (!ChannelData.isChannelData(packet, length) || length < ChannelData.HEADER_SIZE + 12) {
                return -1;
            }
            ByteBuffer in = ByteBuffer.wrap(packet);
            return in.getInt(ChannelData.HEADER_SIZE) == session ? in.getLong(ChannelData.HEADER_SIZE + 4) : -1;
        }
    }
}
