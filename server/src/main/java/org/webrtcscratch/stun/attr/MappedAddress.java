package org.webrtcscratch.stun.attr;

import java.net.InetSocketAddress;

/**
 * MAPPED-ADDRESS, RFC 8489 §14.1: the client's reflexive transport address in the clear. Only RFC 3489 clients
 * need it; everyone else gets {@link XorMappedAddress}.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |           Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                 Address (32 bits or 128 bits)                 |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record MappedAddress(InetSocketAddress address) implements AddressAttribute {

    public MappedAddress {
        SocketAddressCodec.requireResolved(address);
    }

    public static MappedAddress decode(AttributeValue value) {
        return new MappedAddress(SocketAddressCodec.read(value));
    }

    @Override
    public int type() {
        return AttributeType.MAPPED_ADDRESS.code();
    }
}
