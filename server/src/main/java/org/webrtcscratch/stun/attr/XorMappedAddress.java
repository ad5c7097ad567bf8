package org.webrtcscratch.stun.attr;

import java.net.InetSocketAddress;

/**
 * XOR-MAPPED-ADDRESS, RFC 8489 §14.2: the client's reflexive transport address, XOR-ed with the magic cookie
 * (and the transaction ID for IPv6) so that NATs rewriting addresses in payloads leave it alone.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                X-Address (Variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record XorMappedAddress(InetSocketAddress address) implements XorAddressAttribute {

    public XorMappedAddress {
        SocketAddressCodec.requireResolved(address);
    }

    public static XorMappedAddress decode(AttributeValue value) {
        return new XorMappedAddress(SocketAddressCodec.readXor(value));
    }

    @Override
    public int type() {
        return AttributeType.XOR_MAPPED_ADDRESS.code();
    }
}
