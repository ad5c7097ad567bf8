package org.webrtcscratch.stun.attr;

import java.net.InetSocketAddress;

/**
 * ALTERNATE-SERVER, RFC 8489 §14.15: where a 300 (Try Alternate) sends the client; laid out like
 * MAPPED-ADDRESS, not XOR-ed.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |           Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Address (32 bits or 128 bits)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record AlternateServer(InetSocketAddress address) implements AddressAttribute {

    public AlternateServer {
        SocketAddressCodec.requireResolved(address);
    }

    public static AlternateServer decode(AttributeValue value) {
        return new AlternateServer(SocketAddressCodec.read(value));
    }

    @Override
    public int type() {
        return AttributeType.ALTERNATE_SERVER.code();
    }
}
