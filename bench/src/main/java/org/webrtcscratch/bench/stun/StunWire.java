package org.webrtcscratch.bench.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few STUN (RFC 8489) and TURN (RFC 8656) messages the load clients send, and the fields they read back.
 * Written apart from the server's codec on purpose: a load generator that shares the server's code would
 * share its mistakes. Pure: bytes in, bytes out.
 *
 * <pre>
 *  0                   1                   2                   3      RFC 8489 §5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class StunWire {

    public static final int HEADER_SIZE = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int TRANSACTION_ID_SIZE = 12;

    public static final int BINDING_REQUEST = 0x0001;
    public static final int ALLOCATE_REQUEST = 0x0003;
    public static final int REFRESH_REQUEST = 0x0004;
    public static final int CHANNEL_BIND_REQUEST = 0x0009;
    /** Class bits of a type (RFC 8489 §5): 0x0100 success response, 0x0110 error response. */
    public static final int SUCCESS_CLASS = 0x0100;
    public static final int ERROR_CLASS = 0x0110;
    private static final int CLASS_MASK = 0x0110;

    static final int ATTR_USERNAME = 0x0006;
    static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
    static final int ATTR_ERROR_CODE = 0x0009;
    static final int ATTR_CHANNEL_NUMBER = 0x000C;
    static final int ATTR_LIFETIME = 0x000D;
    static final int ATTR_XOR_PEER_ADDRESS = 0x0012;
    static final int ATTR_REALM = 0x0014;
    static final int ATTR_NONCE = 0x0015;
    static final int ATTR_XOR_RELAYED_ADDRESS = 0x0016;
    static final int ATTR_REQUESTED_TRANSPORT = 0x0019;
    /** REQUESTED-TRANSPORT protocol number for UDP (RFC 8656 §18.7). */
    static final int PROTOCOL_UDP = 17;

    /** What a client needs from a response. */
    public record Response(int type, byte[] transactionId, int errorCode, String realm, String nonce,
                           InetSocketAddress relayedAddress) {

        public boolean isSuccess() {
            return (type & CLASS_MASK) == SUCCESS_CLASS;
        }

        public boolean isError() {
            return (type & CLASS_MASK) == ERROR_CLASS;
        }
    }

    /** An attribute to encode: type and value (padding is added by the encoder). */
    public record Attribute(int type, byte[] value) { }

    private StunWire() { }

    /** A Binding request with no attributes (RFC 8489 §3), the cheapest message a STUN server answers. */
    public static byte[] bindingRequest(byte[] transactionId) {
        return encode(BINDING_REQUEST, transactionId, List.of(), null);
    }

    /** REQUESTED-TRANSPORT: UDP, then three reserved bytes (RFC 8656 §18.7). */
    public static Attribute requestedTransportUdp() {
        return new Attribute(ATTR_REQUESTED_TRANSPORT, new byte[] {PROTOCOL_UDP, 0, 0, 0});
    }

    /** CHANNEL-NUMBER: the number, then RFFU (RFC 8656 §18.1). */
    public static Attribute channelNumber(int channel) {
        return new Attribute(ATTR_CHANNEL_NUMBER, new byte[] {(byte) (channel >> 8), (byte) channel, 0, 0});
    }

    public static Attribute lifetime(int seconds) {
        return new Attribute(ATTR_LIFETIME, ByteBuffer.allocate(4).putInt(seconds).array());
    }

    /** XOR-PEER-ADDRESS for an IPv4 peer (RFC 8656 §18.3, encoded as XOR-MAPPED-ADDRESS, RFC 8489 §14.2). */
    public static Attribute xorPeerAddress(InetSocketAddress peer) {
        byte[] address = peer.getAddress().getAddress();
        if (address.length != 4) {
            throw new IllegalArgumentException("the bench speaks IPv4 only: " + peer);
        }
        ByteBuffer value = ByteBuffer.allocate(8);
        value.put((byte) 0).put((byte) 0x01).putShort((short) (peer.getPort() ^ (MAGIC_COOKIE >>> 16)));
        value.putInt(ByteBuffer.wrap(address).getInt() ^ MAGIC_COOKIE);
        return new Attribute(ATTR_XOR_PEER_ADDRESS, value.array());
    }

    /**
     * Encodes a message; with {@code credentials}, adds USERNAME, REALM and NONCE and ends with
     * MESSAGE-INTEGRITY (RFC 8489 §9.2).
     */
    public static byte[] encode(int type, byte[] transactionId, List<Attribute> attributes, LongTermCredentials credentials) {
        List<Attribute> all = new ArrayList<>(attributes);
        if (credentials != null) {
            all.add(new Attribute(ATTR_USERNAME, credentials.username().getBytes(StandardCharsets.UTF_8)));
            all.add(new Attribute(ATTR_REALM, credentials.realm().getBytes(StandardCharsets.UTF_8)));
            all.add(new Attribute(ATTR_NONCE, credentials.nonce().getBytes(StandardCharsets.UTF_8)));
        }
        int length = all.stream().mapToInt(a -> 4 + padded(a.value().length)).sum();
        int integritySize = credentials == null ? 0 : 4 + LongTermCredentials.HMAC_SIZE;
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + length + integritySize);
        out.putShort((short) type).putShort((short) (length + integritySize)).putInt(MAGIC_COOKIE).put(transactionId);
        for (Attribute attribute : all) {
            out.putShort((short) attribute.type()).putShort((short) attribute.value().length).put(attribute.value());
            out.position(out.position() + padded(attribute.value().length) - attribute.value().length);
        }
        if (credentials != null) {
            // The HMAC covers the header (with the length already counting MESSAGE-INTEGRITY) and every attribute before it.
            byte[] hmac = credentials.hmac(out.array(), out.position());
            out.putShort((short) ATTR_MESSAGE_INTEGRITY).putShort((short) LongTermCredentials.HMAC_SIZE).put(hmac);
        }
        return out.array();
    }

    /** Reads a response's type, transaction id and the attributes the clients use. */
    public static Response decode(byte[] message, int length) {
        if (length < HEADER_SIZE) {
            throw new IllegalArgumentException("STUN message of " + length + " bytes is shorter than its header");
        }
        ByteBuffer in = ByteBuffer.wrap(message, 0, length);
        int type = in.getShort() & 0xFFFF;
        int bodyLength = in.getShort() & 0xFFFF;
        if (in.getInt() != MAGIC_COOKIE) {
            throw new IllegalArgumentException("not STUN: no magic cookie");
        }
        if (HEADER_SIZE + bodyLength > length) {
            throw new IllegalArgumentException("STUN length " + bodyLength + " runs past the " + length + "-byte datagram");
        }
        byte[] transactionId = new byte[TRANSACTION_ID_SIZE];
        in.get(transactionId);
        int errorCode = 0;
        String realm = null;
        String nonce = null;
        InetSocketAddress relayed = null;
        int end = HEADER_SIZE + bodyLength;
        while (in.position() + 4 <= end) {
            int attributeType = in.getShort() & 0xFFFF;
            int attributeLength = in.getShort() & 0xFFFF;
            int valueStart = in.position();
            switch (attributeType) {
                case ATTR_ERROR_CODE -> errorCode = (message[valueStart + 2] & 0x07) * 100 + (message[valueStart + 3] & 0xFF);
                case ATTR_REALM -> realm = new String(message, valueStart, attributeLength, StandardCharsets.UTF_8);
                case ATTR_NONCE -> nonce = new String(message, valueStart, attributeLength, StandardCharsets.UTF_8);
                case ATTR_XOR_RELAYED_ADDRESS -> relayed = xorAddress(in, valueStart);
                default -> { }
            }
            in.position(valueStart + padded(attributeLength));
        }
        return new Response(type, transactionId, errorCode, realm, nonce, relayed);
    }

    private static InetSocketAddress xorAddress(ByteBuffer in, int valueStart) {
        int port = (in.getShort(valueStart + 2) & 0xFFFF) ^ (MAGIC_COOKIE >>> 16);
        int address = in.getInt(valueStart + 4) ^ MAGIC_COOKIE;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an address", e);
        }
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
